// `parzc demo` end to end through the built CLI (dist/, from `npm run build`): a small run's report
// folder and JSON, a rerun that reuses the cached statistics, and the refusals of bad input.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertInputFailure, builtParzc, REPO } from "../helpers/builtCli.js";
import { readModel } from "../../src/model/modelFile.js";
import { xmlElements } from "../report/xmlWellFormed.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-cli-demo-"));
const cache = join(scratch, "cache");
const out = join(scratch, "report");

const parzc = (args: string[]) => builtParzc(args, { cwd: scratch, env: { PARZC_CACHE: cache, PARZC_DATA: resolve(REPO, "data") } });

const count = (names: string[], name: string) => names.filter((n) => n === name).length;

test("without data it stops at once (exit 2) and says where the data goes and what it holds", () => {
  const started = performance.now();
  const run = parzc(["demo", "--data", join(scratch, "no-data-here"), "--out", out]);
  assertInputFailure(run, "no-data-here", "--data DIR", "PARZC_DATA", "../shared/data", "nb201/nb201_merged.csv", "cifar10/data_batch_1_first1000.bin");
  assert.ok(performance.now() - started < 10_000);
  assert.not.ok(existsSync(out), "no report without data");
});

test("demo --sample 40 --train-size 20 writes the report folder, and --json prints the same numbers", () => {
  const run = parzc(["demo", "--sample", "40", "--train-size", "20", "--out", out, "--json"]);
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stderr, /demo: statistics of 13 proxies for 40/);
  assert.match(run.stderr, /train: epoch 200\/200/);
  const report = JSON.parse(run.stdout);
  assert.equal(readdirSync(out).sort(), ["kendall.svg", "model.json", "report.md", "results.json", "scatter.svg"]);
  assert.equal(JSON.parse(readFileSync(join(out, "results.json"), "utf8")), report);

  const { counts, methods, points, search } = report;
  assert.is(counts.sampled, 40);
  assert.is(counts.trained, 20);
  assert.is(counts.heldOut, 20);
  assert.is(counts.evaluated + counts.excludedDegenerate + counts.excludedUndefined, 20);
  assert.is(points.length, counts.evaluated);
  assert.is(methods.length, 1 + 3 + 13, "ParZC, ParZC† of its three proxies, and NAS-Bench-Suite-Zero's thirteen proxies");
  for (const name of ["ParZC", "ParZC† synflow", "epe_nas", "fisher", "flops", "grad_norm", "grasp", "jacov", "l2_norm", "nwot", "params", "plain", "snip", "synflow", "zen"]) {
    const method = methods.find((m: { method: string }) => m.method === name);
    assert.ok(method, name);
    assert.is(method.n, counts.evaluated, `${name} is scored on the evaluation set`);
    assert.ok(Math.abs(method.kendall) <= 1, name);
  }
  assert.ok(points.every((p: { std: number; mean: number; accuracy: number }) => p.std > 0 && Number.isFinite(p.mean) && p.accuracy > 0));
  // The prediction as an accuracy: the isotonic calibration fitted on the 20 training architectures.
  assert.is(report.calibration.column, "c10v_valid_200");
  assert.is(report.calibration.n, 20);
  const [low, high] = [report.calibration.y[0], report.calibration.y.at(-1)];
  assert.ok(points.every((p: { predicted: { value: number; std: number } }) => p.predicted.value >= low && p.predicted.value <= high && p.predicted.std >= 0));
  assert.ok(search.rows.every((row: { predicted: { value: number } }, i: number) => i === 0 || search.rows[i - 1].predicted.value >= row.predicted.value), "monotone in the score");
  assert.ok(report.calibrationError.medianAbsolute >= 0 && report.calibrationError.n === counts.evaluated);
  assert.is(search.rows.length, 10);
  assert.ok(search.rows.every((row: { score: number }, i: number) => i === 0 || search.rows[i - 1].score >= row.score));
  assert.ok(search.best.accuracy <= search.optimum.accuracy);
  assert.is(search.optimum.index, 6111, "the best c10_test_200 of all 15,625");

  const scatter = xmlElements(readFileSync(join(out, "scatter.svg"), "utf8"));
  assert.is(count(scatter, "circle"), counts.evaluated);
  assert.ok(count(scatter, "linearGradient") === 1 && count(scatter, "line") > 6);
  const bars = xmlElements(readFileSync(join(out, "kendall.svg"), "utf8"));
  assert.is(count(bars, "rect"), 1 + methods.filter((m: { kendall: number | null }) => m.kendall !== null).length);
  const markdown = readFileSync(join(out, "report.md"), "utf8");
  assert.match(markdown, /\| \*\*ParZC\*\* \| parzc \|/);
  assert.match(markdown, /!\[Kendall τ per method\]\(kendall\.svg\)/);
  assert.match(markdown, /space's optimum over all 15,625/);
});

test("a rerun reuses the cached statistics and prints the compact table; the model works with search", async () => {
  const run = parzc(["demo", "--sample", "40", "--train-size", "20", "--out", out]);
  assert.is(run.status, 0, run.stderr);
  assert.not.match(run.stderr, /stats: /, "nothing left to compute");
  assert.match(run.stdout, /^ParZC demo: NB201 CIFAR-10, 40 sampled, trained on 20/);
  assert.match(run.stdout, /\nParZC +-?0\.\d{3} +-?0\.\d{3}\n/);
  assert.match(run.stdout, /best found: \d+\.\d\d \(rank \d+, index \d+\); space optimum: 94\.37/);
  assert.match(run.stdout, /rank  index  predicted c10v_valid_200 \(%\) ± std  c10_test_200  arch\n +1 +\d+ +[≥≤]?\d+\.\d\d ± \d+\.\d\d +\d+\.\d\d/);
  assert.match(run.stdout, /predicted c10v_valid_200: ParZC's score through a monotone \(isotonic\) calibration fitted on its 20 training architectures/);
  const model = await readModel(join(out, "model.json"));
  assert.is((model.provenance.trainIndices as number[]).length, 20);
  assert.is((model.provenance.statsSettings as { batch: number }).batch, 16);
});

test("bad input exits 2 before any work", () => {
  assertInputFailure(parzc(["demo", "--sample", "40", "--train-size", "40", "--out", out]), "--train-size 40", "--sample 40");
  assertInputFailure(parzc(["demo", "--sample", "ten"]), "--sample");
});

test.run();
