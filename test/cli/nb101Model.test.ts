// parzc stats import, train, eval, rank and proxies on NB101 end to end, on a small store made
// here (synthetic node vectors for 40 cells of the NB101 table and 2 cells it lacks), and the
// refusals: a model of one space on statistics of another, an unknown NB101 --target, an import
// line whose index is not its cell's row.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { bundledDataRoot } from "../../src/data/paths.js";
import { getSpace } from "../../src/spaces/index.js";
import { Random } from "../../src/util/random.js";
import { assertInputFailure, builtParzc, type CliRun } from "../helpers/builtCli.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-nb101-model-"));
const store = join(scratch, "nb101.store");
const modelPath = join(scratch, "nb101-model.json");
const LEGACY_NB201_MODEL = join(bundledDataRoot(), "models", "nb201-web-small.json");
const nb101 = getSpace("nb101");
const IN_TABLE = 40;

function oneLine(run: CliRun): void {
  assert.is(run.stderr.trim().split("\n").length, 1, run.stderr);
}

/** An exported record as `parzc stats export` writes it for NB101. */
function exportLine(arch: string, index: number, random: Random): string {
  const nodes = nb101.nodeCount(nb101.parse(arch));
  const entry = () => ({ score: random.uniform(), nodes: Array.from({ length: nodes }, (_, i) => random.uniform() * (i + 1)) });
  const proxies = { grad_norm: entry(), snip: entry(), synflow: entry() };
  return JSON.stringify({ arch, space: "nb101", index, dataset: "cifar10", batch: 2, seed: 0, proxies, flags: [] });
}

test.before(() => {
  const random = new Random(4);
  const table = nb101.benchmark(bundledDataRoot());
  const labelled = Array.from({ length: IN_TABLE }, (_, row) => exportLine(table.archAt(row), row, random));
  const outside = nb101.sample(50, new Random(9)).filter((arch) => table.rowOf(arch) < 0).slice(0, 2);
  assert.is(outside.length, 2);
  writeFileSync(join(scratch, "nb101.jsonl"), [...labelled, ...outside.map((arch) => exportLine(arch, -1, random))].join("\n") + "\n");
  const imported = builtParzc(["stats", "import", join(scratch, "nb101.jsonl"), "--out", store]);
  assert.is(imported.status, 0, imported.stderr);
  assert.is(imported.stdout, `imported ${IN_TABLE + 2}, skipped 0 (store ${store})\n`);
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test("train on an NB101 store learns test_accuracy by default and writes a model of nb101 (7-token cells, 83 nodes)", () => {
  const trained = builtParzc(["train", "--stats", store, "--train-size", "20", "--epochs", "2", "--width", "8", "--depth", "1", "--out", modelPath]);
  assert.is(trained.status, 0, trained.stderr);
  assert.match(trained.stdout, /trained mabn on 20 architectures \(test_accuracy, loss dk\)/);
  assert.ok(trained.stderr.includes(`2 architecture(s) of ${store} are not in the NAS-Bench-101 table and are left out.`), trained.stderr);
  const document = JSON.parse(readFileSync(modelPath, "utf8"));
  assert.is(document.space, "nb101");
  assert.equal([document.config.archEncoder.tokens, document.config.archEncoder.ops], [7, 5]);
  assert.is(document.encoding.maxNodes, 83);
  assert.is(document.target.column, "test_accuracy");
  assert.is(document.provenance.trainIndices.length, 20);
  assert.ok(document.provenance.trainIndices.every((row: number) => row >= 0 && row < IN_TABLE));
});

test("eval scores the other 20 labelled cells against test_accuracy; rank lists the best with their table rows", () => {
  const evaluated = builtParzc(["eval", "--model", modelPath, "--stats", store, "--workers", "1", "--json"]);
  assert.is(evaluated.status, 0, evaluated.stderr);
  const metrics = JSON.parse(evaluated.stdout);
  assert.is(metrics.n, IN_TABLE - 20);
  assert.ok(Math.abs(metrics.kendall) <= 1);
  const named = builtParzc(["eval", "--model", modelPath, "--stats", store, "--workers", "1", "--target", "test_accuracy", "--json"]);
  assert.equal(JSON.parse(named.stdout), metrics);

  const ranked = builtParzc(["rank", "--model", modelPath, "--stats", store, "--workers", "1", "--top", "42", "--json"]);
  assert.is(ranked.status, 0, ranked.stderr);
  const rows = ranked.stdout.trim().split("\n").map((line) => JSON.parse(line));
  assert.is(rows.length, IN_TABLE + 2);
  assert.is(rows.filter((row) => row.index === null).length, 2, "the cells the table lacks have no row");
  assert.ok(rows.every((row) => row.index === null || nb101.benchmark(bundledDataRoot()).archAt(row.index) === row.arch));
});

test("proxies correlates an NB101 store with test_accuracy by default, over the cells the table holds", () => {
  const run = builtParzc(["proxies", "--stats", store, "--json"]);
  assert.is(run.status, 0, run.stderr);
  const rows = run.stdout.trim().split("\n").map((line) => JSON.parse(line));
  assert.equal(rows.map((row) => [row.proxy, row.target, row.n]), [["grad_norm", "test_accuracy", IN_TABLE], ["snip", "test_accuracy", IN_TABLE], ["synflow", "test_accuracy", IN_TABLE]]);
  assert.ok(run.stderr.includes("2 architecture(s)"), run.stderr);
  const reference = builtParzc(["proxies", "--stats", store, "--reference"]);
  assert.is(reference.status, 0, reference.stderr);
  assert.match(reference.stdout, /reference: NASLib, naslib_zc\/zc_nasbench101_subset\.json\)\n$/);
});

test("an unknown NB101 --target exits 2 in one line listing the NB101 table's columns", () => {
  for (const command of [["train", "--train-size", "20", "--out", join(scratch, "x.json")], ["proxies"]]) {
    const run = builtParzc([command[0], "--stats", store, "--target", "c10_test_200", ...command.slice(1)]);
    assertInputFailure(run, "--target c10_test_200", "test_accuracy, val_accuracy, mean_valid_accuracy, mean_test_accuracy");
    oneLine(run);
  }
});

test("a model of NB201 (a file written before spaces: no space, so nb201) on NB101 statistics is refused in one line naming both spaces", () => {
  assert.not.ok("space" in JSON.parse(readFileSync(LEGACY_NB201_MODEL, "utf8")));
  for (const command of ["eval", "rank"]) {
    const run = builtParzc([command, "--model", LEGACY_NB201_MODEL, "--stats", store, "--workers", "1"]);
    assertInputFailure(run, `${store} holds NAS-Bench-101 statistics (space nb101)`, "the model was trained on NAS-Bench-201 (space nb201)");
    oneLine(run);
  }
});

test("an NB101 import line whose index is not its cell's table row is refused, naming the row expected", () => {
  const lines = readFileSync(join(scratch, "nb101.jsonl"), "utf8").trim().split("\n");
  const bad = JSON.parse(lines[3]);
  bad.index = 7;
  writeFileSync(join(scratch, "bad.jsonl"), JSON.stringify(bad) + "\n");
  const run = builtParzc(["stats", "import", join(scratch, "bad.jsonl"), "--out", join(scratch, "bad.store")]);
  assertInputFailure(run, "line 1, field index: 7 is not the NAS-Bench-101 index of", "expected 3");
  oneLine(run);
});

test.run();
