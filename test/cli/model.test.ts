// parzc train, eval and rank end to end on a small store made here (synthetic node vectors for 60
// NB201 architectures, imported with `parzc stats import`), and their refusals of bad input.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { nb201 } from "../../src/spaces/nb201/index.js";
import { Random } from "../../src/util/random.js";

const REPO = resolve(import.meta.dirname, "..", "..");
const scratch = mkdtempSync(join(tmpdir(), "parzc-model-cli-"));
const store = join(scratch, "small.store");
const modelPath = join(scratch, "model.json");

function parzc(args: string[]) {
  const { PARZC_DATA, ...env } = process.env;
  const result = spawnSync(process.execPath, ["--import", "tsx", join(REPO, "src/cli/main.ts"), ...args], { cwd: REPO, encoding: "utf8", env: { ...env, NO_COLOR: "1" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertInputFailure(run: ReturnType<typeof parzc>, fragment: string) {
  assert.is(run.status, 2, run.stderr);
  assert.ok(run.stderr.startsWith("parzc: "), run.stderr);
  assert.ok(run.stderr.includes(fragment), run.stderr);
  assert.not.match(run.stderr, /\n\s+at /);
}

test.before(() => {
  const random = new Random(3);
  const table = nb201.table();
  const lines = nb201.sample(60, random).map(nb201.parse).map((arch) => {
    const text = nb201.format(arch);
    const nodes = nb201.nodeCount(arch);
    const vector = () => Array.from({ length: nodes }, (_, i) => (i === 3 ? null : random.uniform() * (i + 1)));
    const proxies = { grad_norm: { score: 1, nodes: vector() }, snip: { score: 1, nodes: vector() }, synflow: { score: 1, nodes: vector() } };
    return JSON.stringify({ arch: text, space: "nb201", index: table.indexOf(text), dataset: "cifar10", batch: 16, seed: 0, proxies, flags: [] });
  });
  writeFileSync(join(scratch, "small.jsonl"), lines.join("\n") + "\n");
  const run = parzc(["stats", "import", join(scratch, "small.jsonl"), "--out", store]);
  assert.is(run.status, 0, run.stderr);
});

test("train writes a model; eval scores the other architectures; rank lists the best", () => {
  const trained = parzc(["train", "--stats", store, "--target", "c10v_valid_200", "--train-size", "20", "--seed", "1", "--epochs", "2", "--width", "8", "--depth", "1", "--loss", "mse+dk", "--out", modelPath]);
  assert.is(trained.status, 0, trained.stderr);
  assert.match(trained.stdout, /trained mabn on 20 architectures/);
  // the nulls at node 3: one line for the three proxies, with the count, the cause and the effect
  assert.match(trained.stderr, /grad_norm, snip, synflow: 60 of 60 architectures have NaN\/Inf node values in the stats \(the proxy is undefined on those nodes\); the 60 value\(s\) of each proxy are read as 0, as ParZC's code does\. Where some values are NaN\/Inf, the prediction rests on the node values that are left\./);
  const document = JSON.parse(readFileSync(modelPath, "utf8"));
  assert.is(document.provenance.trainIndices.length, 20);
  assert.is(document.provenance.target, "c10v_valid_200");

  const evaluated = parzc(["eval", "--model", modelPath, "--stats", store, "--target", "c10_test_200", "--json"]);
  assert.is(evaluated.status, 0, evaluated.stderr);
  const metrics = JSON.parse(evaluated.stdout);
  assert.equal(Object.keys(metrics), ["kendall", "spearman", "precisionTop5", "bestTop10", "n"]);
  assert.is(metrics.n, 40);
  assert.ok(Math.abs(metrics.kendall) <= 1);

  const ranked = parzc(["rank", "--model", modelPath, "--stats", store, "--top", "3", "--json"]);
  assert.is(ranked.status, 0, ranked.stderr);
  const rows = ranked.stdout.trim().split("\n").map((line) => JSON.parse(line));
  assert.equal(rows.map((r) => r.rank), [1, 2, 3]);
  assert.ok(rows[0].mean >= rows[1].mean && rows[1].mean >= rows[2].mean);
  assert.ok(rows.every((r) => r.std > 0 && typeof r.arch === "string" && Number.isInteger(r.index)));
});

test("bad input exits 2 with a message and no stack trace", () => {
  assertInputFailure(parzc(["train", "--stats", store, "--target", "c10v_valid_200", "--train-size", "20", "--loss", "hinge", "--out", join(scratch, "x.json")]), "unknown term");
  assertInputFailure(parzc(["train", "--stats", store, "--target", "c10_nope", "--train-size", "20", "--out", join(scratch, "x.json")]), "--target c10_nope");
  assertInputFailure(parzc(["train", "--stats", store, "--target", "c10v_valid_200", "--train-size", "60", "--out", join(scratch, "x.json")]), "--train-size 60");
  const old = JSON.parse(readFileSync(modelPath, "utf8"));
  old.version = 0;
  writeFileSync(join(scratch, "old.json"), JSON.stringify(old));
  assertInputFailure(parzc(["eval", "--model", join(scratch, "old.json"), "--stats", store, "--target", "c10_test_200"]), "format version 0");
  assertInputFailure(parzc(["rank", "--model", join(scratch, "absent.json"), "--stats", store]), "cannot be read");
});

test.run();
