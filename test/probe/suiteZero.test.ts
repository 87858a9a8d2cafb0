// NAS-Bench-Suite-Zero for any space ([spaces] issue, deliverable 1): NB101's NASLib 56-int tuple
// written as zc_nasbench101_subset.json's keys are, `stats export --format json` of an NB101 store,
// `proxies --reference` with NASLib's published NB101 scores (copies of a cell averaged), and one
// line naming the space where a space has no layout or no published scores.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readDataText } from "../../src/data/dataBytes.js";
import { dataFile, resolveDataRoot } from "../../src/data/paths.js";
import { kendallTau } from "../../src/metrics/kendall.js";
import { spearman } from "../../src/metrics/spearman.js";
import { suiteZeroLayout } from "../../src/pipeline/exportFormats.js";
import { loadReferenceScores } from "../../src/pipeline/referenceScores.js";
import { getSpace } from "../../src/spaces/index.js";
import { assertInputFailure, builtParzc } from "../helpers/builtCli.js";
import { throwsInputError } from "../helpers/inputError.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-probe-suite-zero-"));
const DATA = resolveDataRoot();
const nb101 = getSpace("nb101");
const table = nb101.benchmark(DATA);
const naslib = JSON.parse(readDataText(dataFile(DATA, "naslib_zc", "zc_nasbench101_subset.json"))).nasbench101.cifar10 as Record<string, Record<string, number>>;
const keys = Object.keys(naslib);
const cellOf = (text: string) => nb101.format(nb101.parse(text));
/** NASLib's records per canonical cell: its sampler drew many cells more than once. */
const copies = new Map<string, Record<string, number>[]>();
for (const key of keys) copies.set(cellOf(key), [...(copies.get(cellOf(key)) ?? []), naslib[key]]);
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

test("NB101's NASLib tuple: each of the 500 keys formats in the file's form and parses back to its cell; an unpruned 7-vertex key formats to itself", () => {
  const layout = nb101.suiteZero!;
  let unchanged = 0;
  for (const key of keys) {
    const tuple = layout.key(nb101.parse(key));
    assert.match(tuple, /^\((?:\d, ){55}\d\)$/, key);
    assert.is(cellOf(tuple), cellOf(key), key);
    if (nb101.facts(nb101.parse(key)).vertices === 7) assert.is(tuple, key), unchanged++;
  }
  assert.ok(unchanged >= 1, "the file has a key whose cell keeps all 7 vertices");
  assert.is(layout.key(nb101.parse(":01")), `(0, 0, 0, 0, 0, 0, 1, ${"0, ".repeat(42)}0, 2, 2, 2, 2, 2, 1)`);
});

test("NB101's published scores: NASLib's 500 records as 301 cells, a cell drawn more than once scored by the mean of its copies", () => {
  const published = nb101.publishedScores!(DATA);
  assert.is(published.scores.size, copies.size);
  assert.is(published.scores.size, 301);
  const [cell, drawn] = [...copies].find(([, records]) => new Set(records.map((r) => r.grad_norm)).size > 1)!;
  assert.is(published.scores.get(cell)!.grad_norm, mean(drawn.map((r) => r.grad_norm)));
  assert.not.ok("val_accuracy" in published.scores.get(cell)!);
});

// A tiny NB101 store: five of NASLib's cells (one drawn more than once, one kept whole) and a cell of the 2,500 NASLib lacks.
const exact = keys.find((key) => nb101.facts(nb101.parse(key)).vertices === 7)!;
const repeated = keys.find((key) => copies.get(cellOf(key))!.length > 1 && key !== exact)!;
const others = [...new Set(keys.map(cellOf))].filter((cell) => cell !== cellOf(exact) && cell !== cellOf(repeated)).slice(0, 3);
const unpublished = Array.from({ length: table.rowCount }, (_, row) => table.archAt(row)).find((arch) => !copies.has(arch))!;
const archs = [cellOf(exact), cellOf(repeated), ...others, unpublished];
const store = join(scratch, "nb101.store");
const archFile = join(scratch, "nb101.archs");
writeFileSync(archFile, [exact, repeated, ...others, unpublished].join("\n") + "\n");
const built = builtParzc(["stats", "--space", "nb101", "--archs", `file:${archFile}`, "--proxies", "params,flops", "--batch", "2", "--workers", "1", "--out", store]);

test("stats export --format json of an NB101 store: nasbench101 → cifar10 → NASLib's tuple keys, each proxy's score and the table's val_accuracy (null where it has none)", () => {
  assert.is(built.status, 0, built.stderr);
  const run = builtParzc(["stats", "export", "--store", store, "--format", "json"]);
  assert.is(run.status, 0, run.stderr);
  const exported = JSON.parse(run.stdout).nasbench101.cifar10 as Record<string, { params: { score: number }; flops: { score: number }; val_accuracy: number | null }>;
  assert.is(Object.keys(exported).length, archs.length);
  assert.ok(exact in exported, "a cell NASLib sampled whole is exported under NASLib's own key");
  const validation = table.column("val_accuracy");
  for (const [key, entry] of Object.entries(exported)) {
    const arch = cellOf(key);
    assert.ok(archs.includes(arch), key);
    assert.ok(Math.abs(entry.params.score - nb101.cost(nb101.parse(arch), "cifar10").params / 1e6) < 1e-9, key);
    assert.is(entry.val_accuracy, arch === unpublished ? null : validation[table.rowOf(arch)]);
    if (arch !== unpublished) assert.ok(Math.abs(entry.flops.score - mean(copies.get(arch)!.map((r) => r.flops))) < 1e-6, key);
  }
});

test("proxies --reference on an NB101 store: NASLib's scores read and matched per cell, both sides on the cells NASLib holds", () => {
  const run = builtParzc(["proxies", "--stats", store, "--target", "val_accuracy", "--reference", "--json"]);
  assert.is(run.status, 0, run.stderr);
  const rows = run.stdout.trim().split("\n").map((line) => JSON.parse(line));
  const published = archs.filter((arch) => copies.has(arch));
  const targets = published.map((arch) => table.column("val_accuracy")[table.rowOf(arch)]);
  assert.equal(rows.map((row) => row.proxy), ["params", "flops"]);
  for (const row of rows) {
    const theirs = published.map((arch) => mean(copies.get(arch)!.map((r) => r[row.proxy])));
    assert.equal(row.reference, { n: 5, kendall: kendallTau(theirs, targets), spearman: spearman(theirs, targets) });
    assert.is(row.n, 5);
  }
  const human = builtParzc(["proxies", "--stats", store, "--target", "val_accuracy", "--reference"]);
  assert.match(human.stdout, /\(against val_accuracy; reference: NASLib, naslib_zc\/zc_nasbench101_subset\.json\)\n$/);
});

test("a space without NAS-Bench-Suite-Zero's layout or published scores: one line naming the space and what it does support", () => {
  const toy = { ...getSpace("nb201"), name: "toy", title: "Toy-Bench", suiteZero: undefined, publishedScores: undefined };
  throwsInputError(() => suiteZeroLayout(toy, "toy.store"), "--format json", "Toy-Bench (space toy)", "toy.store", "--format jsonl");
  throwsInputError(() => loadReferenceScores(toy, DATA, "toy.store"), "--reference", "published scores for nb201, nb101 only", "toy.store holds Toy-Bench statistics (space toy)", "leave --reference out");
});

test("bad input to export and --reference on NB101 still exits 2 with one line", () => {
  assertInputFailure(builtParzc(["stats", "export", "--store", store, "--format", "csv"]), "--format", "jsonl, json");
  assertInputFailure(builtParzc(["proxies", "--stats", store, "--target", "no_such", "--reference"]), 'no column "no_such"');
});

test.after(() => rmSync(scratch, { recursive: true }));

test.run();
