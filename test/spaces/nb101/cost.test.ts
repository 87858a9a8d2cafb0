// Params and FLOPs in closed form against every NB101 record we hold, and the graph hash
// against nasbench's own keys.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readDataText } from "../../../src/data/dataBytes.js";
import { dataFile, resolveDataRoot } from "../../../src/data/paths.js";
import { parseCell } from "../../../src/spaces/nb101/codec.js";
import { nb101Cost } from "../../../src/spaces/nb101/cost.js";
import { nb101Hash } from "../../../src/spaces/nb101/hash.js";

const root = resolveDataRoot();
const json = (...parts: string[]) => JSON.parse(readDataText(dataFile(root, ...parts)));

test("params and FLOPs equal NASLib's for all 500 cells of zc_nasbench101_subset.json", () => {
  const records = Object.entries<{ params: number; flops: number }>(json("naslib_zc", "zc_nasbench101_subset.json").nasbench101.cifar10);
  assert.is(records.length, 500);
  for (const [key, { params, flops }] of records) {
    const cost = nb101Cost(parseCell(key));
    assert.ok(Math.abs(cost.params - params) < 5e-7, `${key}: params ${cost.params} vs ${params}`);
    assert.ok(Math.abs(cost.flops - flops) < 5e-6, `${key}: flops ${cost.flops} vs ${flops}`);
  }
});

test("params equal trainable_parameters, and the hash equals the key, for all 52 nasbench records", () => {
  const records = Object.entries<{ fixed: { module_adjacency: number[][]; module_operations: string[]; trainable_parameters: number } }>(json("nb101", "nb101_records_52.json"));
  assert.is(records.length, 52);
  for (const [hash, { fixed }] of records) {
    const cell = parseCell(JSON.stringify({ matrix: fixed.module_adjacency, ops: fixed.module_operations }));
    assert.is(Math.round(nb101Cost(cell).params * 1e6), fixed.trainable_parameters, hash);
    assert.is(nb101Hash(cell), hash);
  }
});

test.run();
