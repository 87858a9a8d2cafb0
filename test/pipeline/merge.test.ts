import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { jsonlLines } from "../../src/pipeline/exportFormats.js";
import { mergeStores } from "../../src/pipeline/merge.js";
import { StatsStore } from "../../src/pipeline/store.js";
import { throwsInputError } from "../helpers/inputError.js";
import { SMALL_RUN, smallRunStore } from "../helpers/smallRun.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-merge-"));
const exported = (path: string) => [...jsonlLines(StatsStore.read(path))].join("");

test("shard 0/2 and shard 1/2, merged, equal a single run bit for bit", async () => {
  const single = await smallRunStore();
  const shards = [await smallRunStore({ shard: { index: 0, count: 2 }, workers: 1 }), await smallRunStore({ shard: { index: 1, count: 2 }, workers: 1 })];
  assert.equal(shards.map((path) => StatsStore.read(path).count), [3, 3]);
  const merged = join(scratch, "merged.store");
  assert.equal(mergeStores(shards, merged), { store: merged, added: 6, duplicates: 0, failed: 0 });
  assert.is(exported(merged), exported(single));
  assert.equal(mergeStores([single], merged), { store: merged, added: 0, duplicates: 6, failed: 0 });
  assert.is(exported(merged), exported(single));
});

test("stores of other settings are refused, naming the setting", async () => {
  const single = await smallRunStore();
  const other = join(scratch, "seed1.store");
  StatsStore.write(other, { ...SMALL_RUN, seed: 1 }).close();
  throwsInputError(() => mergeStores([single, other], join(scratch, "never.store")), `${other} holds --seed 1 but ${single} holds --seed 0`, "only stores of one setting merge");
  throwsInputError(() => mergeStores([other], single), `stats store ${single} holds --seed 0, not --seed 1`);
});

test.after(() => rmSync(scratch, { recursive: true }));

test.run();
