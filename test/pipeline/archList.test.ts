import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { archList, parseArchSpec, parseShard, shardOf } from "../../src/pipeline/archList.js";
import { getSpace } from "../../src/spaces/index.js";
import { resolveDataRoot } from "../../src/data/paths.js";
import { nb201 } from "../../src/spaces/nb201/index.js";
import { defaultStorePath } from "../../src/pipeline/cachePath.js";
import { throwsInputError } from "../helpers/inputError.js";

const ALL_NONE = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|";
const ALL_3X3 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
const scratch = mkdtempSync(join(tmpdir(), "parzc-archs-"));

test("all is the 15,625 archs in enumeration order; sample:N is seeded", () => {
  const all = archList(nb201, parseArchSpec("all"), 0);
  assert.is(all.length, 15625);
  assert.is(all[0], ALL_NONE);
  assert.equal(archList(nb201, parseArchSpec("sample:5"), 3), archList(nb201, parseArchSpec("sample:5"), 3));
  assert.not.equal(archList(nb201, parseArchSpec("sample:5"), 3), archList(nb201, parseArchSpec("sample:5"), 4));
});

test("file:PATH keeps the file's order and lists each arch once", () => {
  const file = join(scratch, "archs.txt");
  writeFileSync(file, `# two archs\n${ALL_3X3}\n${ALL_NONE}\n${ALL_3X3}\n`);
  assert.equal(archList(nb201, parseArchSpec(`file:${file}`), 0), [ALL_3X3, ALL_NONE]);
});

test("shards split the list by position mod n: disjoint, complete, deterministic", () => {
  const items = Array.from({ length: 11 }, (_, i) => i);
  const shards = [0, 1, 2].map((index) => shardOf(items, { index, count: 3 }));
  assert.equal(shards[1], [1, 4, 7, 10]);
  assert.equal(shards.flat().sort((a, b) => a - b), items);
  assert.equal(shardOf(items, parseShard("0/1")), items);
});

test("bad --archs and --shard values name the value and the expected form", () => {
  throwsInputError(() => parseArchSpec("sample:"), '--archs "sample:"', "sample:N");
  throwsInputError(() => parseArchSpec("some"), "all, benchmark (every architecture of the benchmark table), sample:N");
  for (const bad of ["2/2", "1", "-1/2", "0/0", "a/b"]) throwsInputError(() => parseShard(bad), `--shard "${bad}"`, "0 <= i < n");
});

test("the default store is one file per setting and shard, under $PARZC_CACHE or .parzc-cache/", () => {
  const settings = { space: "nb201", dataset: "cifar10", proxies: ["grad_norm", "snip"], batch: 16, seed: 0 };
  assert.is(defaultStorePath(settings, undefined, {}), join(".parzc-cache", "nb201-cifar10-b16-s0-grad_norm+snip.store"));
  assert.is(defaultStorePath(settings, { index: 2, count: 8 }, { PARZC_CACHE: "/tmp/c" }), "/tmp/c/nb201-cifar10-b16-s0-grad_norm+snip-shard2of8.store");
});

test.after(() => rmSync(scratch, { recursive: true }));

test.run();

test("--archs benchmark lists every row of the space's table once, in table order", () => {
  const nb201All = archList(nb201, parseArchSpec("benchmark"), 0);
  assert.is(nb201All.length, 15625);
  assert.is(nb201All[0], nb201.table().archAt(0));
  const nb101Cells = archList(getSpace("nb101"), parseArchSpec("benchmark"), 0);
  const table = getSpace("nb101").benchmark(resolveDataRoot());
  assert.is(nb101Cells.length, table.rowCount);
  assert.ok(nb101Cells.length >= 2500 && nb101Cells.length <= 3052, `${nb101Cells.length} rows`);
  assert.ok(nb101Cells.every((arch, row) => table.rowOf(arch) === row));
});
