// `--json` output of the built CLI parses, for every command whose output is data: arch, proxies,
// train, eval, rank and info, on a small store imported here (synthetic node vectors, 40 archs).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { nb201 } from "../../src/spaces/nb201/index.js";
import { Random } from "../../src/util/random.js";
import { builtParzc } from "../helpers/builtCli.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-json-"));
const store = join(scratch, "small.store");
const model = join(scratch, "model.json");
const ARCH = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

/** Each stdout line as JSON (a parse error fails the test). */
const jsonLines = (stdout: string): Record<string, unknown>[] => stdout.trim().split("\n").map((line) => JSON.parse(line));

test.before(() => {
  const random = new Random(7);
  const table = nb201.table();
  const lines = nb201.sample(40, random).map(nb201.parse).map((arch) => {
    const text = nb201.format(arch);
    const vector = () => Array.from({ length: nb201.nodeCount(arch) }, () => random.uniform());
    const proxies = Object.fromEntries(["grad_norm", "snip", "synflow"].map((name) => [name, { score: random.uniform(), nodes: vector() }]));
    return JSON.stringify({ arch: text, space: "nb201", index: table.indexOf(text), dataset: "cifar10", batch: 16, seed: 0, proxies, flags: [] });
  });
  writeFileSync(join(scratch, "small.jsonl"), lines.join("\n") + "\n");
  const run = builtParzc(["stats", "import", join(scratch, "small.jsonl"), "--out", store]);
  assert.is(run.status, 0, run.stderr);
});

test("arch --json: one object per architecture", () => {
  const [row] = jsonLines(builtParzc(["arch", ARCH, "--json"]).stdout);
  assert.is(row.arch, ARCH);
  assert.is(row.nodes, 83);
});

test("stats --json: the run's summary as one object", () => {
  const out = join(scratch, "params.store");
  const args = ["stats", "--archs", "sample:3", "--proxies", "params", "--workers", "1", "--out", out, "--json"];
  assert.equal(JSON.parse(builtParzc(args).stdout), { store: out, total: 3, done: 3, skipped: 0, flagged: 0, failed: [] });
  assert.equal(JSON.parse(builtParzc(args).stdout), { store: out, total: 3, done: 0, skipped: 3, flagged: 0, failed: [] });
});

test("proxies --json: one object per proxy with its correlations", () => {
  const rows = jsonLines(builtParzc(["proxies", "--stats", store, "--json"]).stdout);
  assert.equal(rows.map((r) => r.proxy).sort(), ["grad_norm", "snip", "synflow"]);
  assert.ok(rows.every((r) => r.n === 40 && r.target === "c10_test_200"));
});

test("train --json, then eval --json and rank --json", () => {
  const trained = builtParzc(["train", "--stats", store, "--target", "c10v_valid_200", "--train-size", "15", "--epochs", "2", "--width", "8", "--depth", "1", "--quiet", "--json", "--out", model]);
  assert.is(trained.status, 0, trained.stderr);
  assert.equal(Object.keys(JSON.parse(trained.stdout)), ["out", "kind", "trainSize", "target", "loss", "epochs", "seconds", "finalLoss"]);
  assert.is(JSON.parse(trained.stdout).trainSize, 15);

  const metrics = JSON.parse(builtParzc(["eval", "--model", model, "--stats", store, "--target", "c10_test_200", "--json"]).stdout);
  assert.is(metrics.n, 25);
  const ranked = jsonLines(builtParzc(["rank", "--model", model, "--stats", store, "--top", "4", "--json"]).stdout);
  assert.equal(ranked.map((r) => r.rank), [1, 2, 3, 4]);
  assert.equal(Object.keys(ranked[0]), ["rank", "arch", "index", "mean", "std", "predicted"]);
  // The score as the calibrated target (%), its std in %, and "clipped" where it lies beyond every training prediction.
  const predicted = ranked.map((r) => r.predicted as { value: number; std: number; clipped?: string });
  assert.equal(Object.keys(predicted[0]).slice(0, 2), ["value", "std"]);
  assert.ok(predicted.every((p) => Number.isFinite(p.value) && p.std >= 0 && [undefined, "above", "below"].includes(p.clipped)));
});

test("info --json: one object", () => {
  const report = JSON.parse(builtParzc(["info", "--json"]).stdout);
  assert.type(report.wasm.simd.supported, "boolean");
});

test.run();
