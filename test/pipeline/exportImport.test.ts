import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeText } from "../../src/data/textFiles.js";
import { exportedArch, jsonlLines, storedArch, suiteZeroJson } from "../../src/pipeline/exportFormats.js";
import { importJsonl } from "../../src/pipeline/statsImport.js";
import { type ArchRecord, StatsStore } from "../../src/pipeline/store.js";
import { formatNaslibTuple } from "../../src/spaces/nb201/conversions.js";
import { nb201 } from "../../src/spaces/nb201/index.js";
import { rejectsInputError } from "../helpers/rejectsInputError.js";
import { SMALL_RUN, smallRunStore } from "../helpers/smallRun.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-export-"));
const quiet = () => {};

test("a JSONL line carries the settings and every proxy's score and nodes", async () => {
  const store = StatsStore.read(await smallRunStore());
  const [first] = store.records();
  const line = JSON.parse([...jsonlLines(store)][0]);
  assert.equal(Object.keys(line), ["arch", "space", "index", "dataset", "batch", "seed", "proxies", "flags"]);
  assert.equal([line.arch, line.index, line.dataset, line.batch, line.seed], [first.arch, first.index, "cifar10", 4, 0]);
  assert.equal(line.proxies.snip, { score: first.scores.snip, nodes: first.nodes.snip });
  assert.is(line.proxies.grad_norm.nodes.length, nb201.nodeCount(nb201.parse(first.arch)));
});

test("a whole-network proxy exports nodes [] and imports back without nodes", () => {
  const record: ArchRecord = { arch: "a", index: 3, scores: { grad_norm: 1.5, params: null }, nodes: { grad_norm: [1, null] }, flags: ["undefined:params"] };
  const line = exportedArch(record, { ...SMALL_RUN, proxies: ["grad_norm", "params"] });
  assert.equal(line.proxies.params, { score: null, nodes: [] });
  assert.equal(storedArch(line), record);
});

for (const file of ["round.jsonl", "round.jsonl.gz"]) {
  test(`export → import through ${file} gives identical records`, async () => {
    const original = StatsStore.read(await smallRunStore());
    const path = join(scratch, file);
    await writeText(jsonlLines(original), path);
    const text = readFileSync(path);
    assert.is((file.endsWith(".gz") ? gunzipSync(text) : text).toString("utf8"), [...jsonlLines(original)].join(""));
    const out = join(scratch, `${file}.store`);
    assert.equal(await importJsonl(path, { out, warn: quiet }), { store: out, imported: 6, skipped: 0 });
    const imported = StatsStore.read(out);
    assert.equal(imported.settings, original.settings);
    assert.equal([...imported.records()], [...original.records()]);
    assert.equal(await importJsonl(path, { out, warn: quiet }), { store: out, imported: 0, skipped: 6 });
  });
}

test("import refuses a line of other settings, and a line that is not an export", async () => {
  const store = StatsStore.read(await smallRunStore());
  const [first, second] = [...jsonlLines(store)];
  const mixed = join(scratch, "mixed.jsonl");
  writeFileSync(mixed, first + second.replace('"seed":0', '"seed":2'));
  await rejectsInputError(importJsonl(mixed, { out: join(scratch, "mixed.store"), warn: quiet }), `${mixed} line 2 has --seed 2 where ${mixed} line 1 has --seed 0`);
  const junk = join(scratch, "junk.jsonl");
  writeFileSync(junk, first + '{"arch": 1}\n');
  await rejectsInputError(importJsonl(junk, { out: join(scratch, "junk.store"), warn: quiet }), `${junk} line 2 lacks some of arch, index`);
});

test("the JSON export has NAS-Bench-Suite-Zero's layout", async () => {
  const store = StatsStore.read(await smallRunStore());
  const table = nb201.table();
  const layout = JSON.parse(suiteZeroJson(store, table));
  const archs = layout.nasbench201.cifar10;
  assert.is(Object.keys(archs).length, 6);
  const [record] = store.records();
  const key = formatNaslibTuple(nb201.toNaslib(nb201.parse(record.arch)));
  assert.equal(archs[key], {
    grad_norm: { score: record.scores.grad_norm },
    snip: { score: record.scores.snip },
    val_accuracy: table.column("c10v_valid_200")[record.index],
  });
});

test.after(() => rmSync(scratch, { recursive: true }));

test.run();
