// `parzc search --space nb101` and `parzc demo --space nb101` through the built CLI (dist/, from
// `npm run build`): a proxy ranks a pool of real cells (its statistics computed here), a model
// trained on NB101 ranks a cached pool, the demo runs on statistics already in its cache store
// (synthetic node vectors, so the test takes seconds), and bad input exits 2 with one line.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { defaultStorePath } from "../../src/pipeline/cachePath.js";
import type { StatsSettings } from "../../src/pipeline/settings.js";
import { StatsStore } from "../../src/pipeline/store.js";
import { PARZC_PROXIES, getProxy } from "../../src/proxies/index.js";
import { demoArchs } from "../../src/search/demoSample.js";
import { getSpace } from "../../src/spaces/index.js";
import { Random } from "../../src/util/random.js";
import { REPO, assertInputFailure, builtParzc, type CliRun } from "../helpers/builtCli.js";

const DATA = resolve(REPO, "data");
const scratch = mkdtempSync(join(tmpdir(), "parzc-nb101-search-demo-"));
const cache = join(scratch, "cache");
const modelStore = join(scratch, "nb101-model.store");
const modelPath = join(scratch, "nb101-model.json");
const LEGACY_NB201_MODEL = join(DATA, "models", "nb201-web-small.json");
const nb101 = getSpace("nb101");
const table = nb101.benchmark(DATA);
const accuracy = table.column("test_accuracy");
/** Three labelled cells of 0.36–0.42 M parameters (rows 354, 2150, 296). */
const SMALL_CELLS = [354, 2150, 296].map((row) => table.archAt(row));

const parzc = (args: string[]) => builtParzc(args, { cwd: scratch, env: { PARZC_CACHE: cache, PARZC_DATA: DATA } });

function oneLine(run: CliRun): void {
  assert.is(run.stderr.trim().split("\n").length, 1, run.stderr);
}

/** A store of `archs` with random scores and node vectors for `settings`' proxies. */
function syntheticStore(path: string, settings: StatsSettings, archs: readonly string[], random: Random): void {
  const store = StatsStore.write(path, settings, () => undefined);
  for (const arch of archs) {
    const count = nb101.nodeCount(nb101.parse(arch));
    const scores: Record<string, number> = {};
    const nodes: Record<string, number[]> = {};
    for (const proxy of settings.proxies) {
      scores[proxy] = random.uniform();
      if (getProxy(proxy).reduction !== "none") nodes[proxy] = Array.from({ length: count }, (_, i) => random.uniform() * (i + 1));
    }
    store.append({ arch, index: table.rowOf(arch), scores, nodes, flags: [] });
  }
  store.close();
}

test.before(() => {
  mkdirSync(cache);
  const cells = Array.from({ length: 40 }, (_, row) => table.archAt(row));
  syntheticStore(modelStore, { space: "nb101", dataset: "cifar10", proxies: [...PARZC_PROXIES], batch: 2, seed: 0 }, cells, new Random(4));
  writeFileSync(join(scratch, "forty.txt"), cells.join("\n") + "\n");
  writeFileSync(join(scratch, "small.txt"), SMALL_CELLS.join("\n") + "\n");
  const trained = parzc(["train", "--stats", modelStore, "--train-size", "20", "--epochs", "2", "--width", "8", "--depth", "1", "--out", modelPath, "--quiet"]);
  assert.is(trained.status, 0, trained.stderr);
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

// params, not a proxy with a forward pass: a stats worker first warms up on the largest NB101 cell (41.7 M parameters).
test("search --space nb101 --proxy params computes the pool's statistics and ranks it against test_accuracy and the best of the 2,500", () => {
  const run = parzc(["search", "--space", "nb101", "--proxy", "params", "--pool", "file:small.txt", "--top", "3", "--workers", "1", "--json"]);
  assert.is(run.status, 0, run.stderr);
  const outcome = JSON.parse(run.stdout);
  assert.is(outcome.settings.space, "nb101");
  assert.ok(outcome.store.endsWith("nb101-cifar10-b16-s0-params.store"), outcome.store);
  const { rows, target, optimum, optimumOver, best } = outcome.result;
  assert.is(target, "test_accuracy", "NB101's default --target");
  assert.equal(rows.map((row: { arch: string }) => row.arch).sort(), [...SMALL_CELLS].sort());
  for (const row of rows) {
    assert.is(row.index, table.rowOf(row.arch));
    assert.is(row.accuracy, accuracy[row.index]);
  }
  assert.is(best.accuracy, Math.max(...rows.map((row: { accuracy: number }) => row.accuracy)));
  assert.is(optimum.accuracy, Math.max(...accuracy.filter(Number.isFinite)));
  assert.equal(optimumOver, { labelled: 2500, space: 423624 });

  const text = parzc(["search", "--space", "nb101", "--proxy", "params", "--pool", "file:small.txt", "--top", "3"]);
  assert.is(text.status, 0, text.stderr);
  assert.not.match(text.stderr, /stats: /, "the statistics were cached");
  assert.match(text.stdout, /rank  index  score +test_accuracy  arch\n/);
  assert.match(text.stdout, /benchmark optimum: \d+\.\d\d \(index \d+\), the best of the 2,500 of 423,624 architectures with a test_accuracy; gap \d+\.\d\d\n/);
});

test("a model trained on NB101 ranks an NB101 pool; a model of one space with --space of the other is refused, naming both", () => {
  const run = parzc(["search", "--space", "nb101", "--model", modelPath, "--stats", modelStore, "--pool", "file:forty.txt", "--top", "5", "--workers", "1", "--json"]);
  assert.is(run.status, 0, run.stderr);
  assert.not.match(run.stderr, /stats: /, "the pool is in the store");
  const { result } = JSON.parse(run.stdout);
  assert.is(result.ranked, 40);
  assert.is(result.rows.length, 5);
  assert.ok(result.rows.every((row: { arch: string; index: number; accuracy: number; std: number }) => row.index === table.rowOf(row.arch) && row.accuracy === accuracy[row.index] && row.std > 0));

  const nb201Space = parzc(["search", "--model", modelPath, "--pool", "sample:3"]);
  assertInputFailure(nb201Space, "--space nb201", "space nb101", "pass --space nb101");
  oneLine(nb201Space);
  const nb201Model = parzc(["search", "--space", "nb101", "--model", LEGACY_NB201_MODEL, "--pool", "sample:3"]);
  assertInputFailure(nb201Model, "--space nb101", "space nb201", "pass --space nb201");
  oneLine(nb201Model);
});

test("demo --space nb101 --sample 12 --train-size 6 trains and evaluates on test_accuracy and says so; the report names NB101", () => {
  const settings: StatsSettings = { space: "nb101", dataset: "cifar10", proxies: [...PARZC_PROXIES, ...nb101.demo.baselines], batch: nb101.demo.batch, seed: 0 };
  syntheticStore(defaultStorePath(settings, undefined, { PARZC_CACHE: cache }), settings, demoArchs(nb101, table, 12, 0), new Random(7));
  const out = join(scratch, "report");
  const run = parzc(["demo", "--space", "nb101", "--sample", "12", "--train-size", "6", "--workers", "1", "--out", out]);
  assert.is(run.status, 0, run.stderr);
  assert.not.match(run.stderr, /stats: /, "the statistics were in the cache store");
  assert.match(run.stdout, /^ParZC demo: NB101 CIFAR-10, 12 sampled, trained on 6 \(test_accuracy\), evaluated on 6 \(test_accuracy\)\ntest_accuracy is the only accuracy the benchmark holds for these architectures, so ParZC trains on it and every method is evaluated on it/);
  assert.match(run.stdout, /benchmark optimum: \d+\.\d\d \(index \d+\), the best of the 2,500 of 423,624 architectures with a test_accuracy/);

  const report = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
  assert.is(report.settings.space, "nb101");
  assert.equal(report.targets, { train: "test_accuracy", evaluate: "test_accuracy" });
  assert.equal([report.counts.sampled, report.counts.trained, report.counts.evaluated], [12, 6, 6]);
  const methods = report.methods.map((m: { method: string }) => m.method).sort();
  assert.equal(methods, ["ParZC", ...PARZC_PROXIES.map((p) => `ParZC† ${p}`), ...settings.proxies].sort());
  assert.ok(report.points.every((p: { arch: string; index: number; accuracy: number }) => p.index === table.rowOf(p.arch) && p.accuracy === accuracy[p.index]));
  const markdown = readFileSync(join(out, "report.md"), "utf8");
  assert.match(markdown, /NAS-Bench-101 on CIFAR-10: 12 architectures sampled/);
  assert.match(markdown, /\ntest_accuracy is the only accuracy the benchmark holds for these architectures/);
  assert.match(markdown, /the benchmark's optimum, the best `test_accuracy` of the 2,500 architectures it holds one for \(of 423,624 in the space\), is \d+\.\d\d/);
  assert.match(readFileSync(join(out, "scatter.svg"), "utf8"), /ParZC on 6 held-out NB101 architectures/);
});

test("bad input exits 2 with one line: an unknown --space, a --target the table lacks, a --sample above the labelled cells, a --train-size too large", () => {
  const refused = join(scratch, "refused");
  const refusals: [string[], string[]][] = [
    [["search", "--space", "nb999", "--proxy", "params"], ['unknown search space "nb999"', "nb201, nb101"]],
    [["search", "--space", "nb101", "--proxy", "params", "--pool", "sample:2", "--target", "c10_test_200"], ["--target c10_test_200", "test_accuracy, val_accuracy"]],
    [["demo", "--space", "nb999", "--out", refused], ['unknown search space "nb999"', "nb201, nb101"]],
    [["demo", "--space", "nb101", "--sample", "2501", "--train-size", "100", "--out", refused], ["--sample 2501", "2,500", "test_accuracy", "--sample 2500 or fewer"]],
    [["demo", "--space", "nb101", "--sample", "12", "--out", refused], ["--train-size 100", "--sample 12"]],
  ];
  for (const [args, fragments] of refusals) {
    const run = parzc(args);
    assertInputFailure(run, ...fragments);
    oneLine(run);
  }
});

test.run();
