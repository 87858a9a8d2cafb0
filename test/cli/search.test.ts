// `parzc search` through the built CLI (dist/, from `npm run build`): a model ranks a pool whose
// statistics are already cached, a proxy and its ParZC† rank theirs, and bad input exits 2.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertInputFailure, builtParzc } from "../helpers/builtCli.js";
import { archList } from "../../src/pipeline/archList.js";
import { nb201 } from "../../src/spaces/nb201/index.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-cli-search-"));
const cache = join(scratch, "cache");
const modelPath = join(scratch, "model.json");
const parzcStore = join(cache, "nb201-cifar10-b16-s0-grad_norm+snip+synflow.store");

const parzc = (args: string[]) => builtParzc(args, { cwd: scratch, env: { PARZC_CACHE: cache } });

test.before(() => {
  const stats = parzc(["stats", "--archs", "sample:30", "--proxies", "grad_norm,snip,synflow", "--batch", "16", "--seed", "0"]);
  assert.is(stats.status, 0, stats.stderr);
  const trained = parzc(["train", "--stats", parzcStore, "--target", "c10v_valid_200", "--train-size", "20", "--epochs", "3", "--width", "8", "--depth", "1", "--out", modelPath, "--quiet"]);
  assert.is(trained.status, 0, trained.stderr);
});

test("a model ranks the pool from the cache store its encoding names, with mean ± std and true accuracies", () => {
  const run = parzc(["search", "--model", modelPath, "--space", "nb201", "--pool", "sample:30", "--top", "5", "--json"]);
  assert.is(run.status, 0, run.stderr);
  assert.not.match(run.stderr, /stats: /, "the statistics were cached");
  const outcome = JSON.parse(run.stdout);
  assert.is(outcome.method, "ParZC");
  assert.is(outcome.store, parzcStore);
  assert.is(outcome.pool, 30);
  const { rows, best, optimum, ranked } = outcome.result;
  assert.is(ranked, 30);
  assert.is(rows.length, 5);
  const pool = new Set(archList(nb201, { kind: "sample", count: 30 }, 0));
  const accuracy = nb201.table().column("c10_test_200");
  rows.forEach((row: { rank: number; arch: string; index: number; score: number; std: number; accuracy: number }, i: number) => {
    assert.is(row.rank, i + 1);
    assert.ok(pool.has(row.arch));
    assert.is(row.accuracy, accuracy[row.index]);
    assert.ok(row.std > 0);
    if (i > 0) assert.ok(rows[i - 1].score >= row.score);
  });
  assert.is(best.accuracy, Math.max(...rows.map((row: { accuracy: number }) => row.accuracy)));
  assert.is(optimum.accuracy, Math.max(...accuracy.filter(Number.isFinite)));

  const text = parzc(["search", "--model", modelPath, "--pool", "sample:30", "--top", "3"]);
  assert.is(text.status, 0, text.stderr);
  assert.match(text.stdout, /^ParZC: the top 3 of 30 ranked/);
  assert.match(text.stdout, /predicted c10v_valid_200 \(%\) ± std/, "the model's score as a predicted accuracy");
  assert.match(text.stdout, /calibration fitted on its 20 training architectures/);
  assert.ok(rows.every((row: { predicted: { value: number; std: number } }) => row.predicted.value > 0 && row.predicted.std >= 0), "and in the JSON");
  assert.match(text.stdout, /best found: .*; space optimum: 94\.37/);
});

test("a proxy ranks without a model, and ParZC† reweights it from a store that holds more proxies", () => {
  const plain = parzc(["search", "--proxy", "synflow", "--pool", "sample:12", "--top", "4", "--json"]);
  assert.is(plain.status, 0, plain.stderr);
  const outcome = JSON.parse(plain.stdout);
  assert.is(outcome.method, "synflow");
  assert.equal(outcome.settings.proxies, ["synflow"]);
  assert.is(outcome.result.rows.length, 4);
  assert.ok(outcome.result.rows.every((row: { std?: number }) => row.std === undefined));

  const dagger = parzc(["search", "--proxy", "snip", "--weighting", "sine", "--stats", parzcStore, "--pool", "sample:30", "--top", "4", "--json"]);
  assert.is(dagger.status, 0, dagger.stderr);
  const weighted = JSON.parse(dagger.stdout);
  assert.is(weighted.method, "ParZC† snip (sine)");
  assert.equal(weighted.settings.proxies, ["grad_norm", "snip", "synflow"], "the store's own settings");
  assert.ok(weighted.result.ranked <= 30 && weighted.result.ranked >= 25, "the degenerate ones are not ranked");
});

test("bad input exits 2 with a clear message", () => {
  assertInputFailure(parzc(["search", "--pool", "sample:5"]), "neither --model nor --proxy");
  assertInputFailure(parzc(["search", "--model", modelPath, "--proxy", "snip"]), "both --model and --proxy");
  assertInputFailure(parzc(["search", "--proxy", "snipp"]), 'unknown proxy "snipp"', "grad_norm");
  assertInputFailure(parzc(["search", "--proxy", "snip", "--pool", "some:3"]), '--pool "some:3"', "sample:N");
  assertInputFailure(parzc(["search", "--proxy", "params", "--weighting", "sine"]), 'proxy "params" has no node-wise form');
  assertInputFailure(parzc(["search", "--model", modelPath, "--weighting", "sine"]), "--weighting", "--proxy");
  assertInputFailure(parzc(["search", "--proxy", "snip", "--space", "nb999"]), 'unknown search space "nb999"', "nb201, nb101");
  assertInputFailure(parzc(["search", "--model", join(scratch, "absent.json")]), "cannot be read");
});

test.run();
