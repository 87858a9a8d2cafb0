// NB101's one table over the three record files: rows are isomorphism classes, columns are what
// each file measured, and the values are the files' own, in %.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readDataText } from "../../../src/data/dataBytes.js";
import { dataFile, resolveDataRoot } from "../../../src/data/paths.js";
import { getSpace } from "../../../src/spaces/index.js";
import { throwsInputError } from "../../helpers/inputError.js";

const root = resolveDataRoot();
const nb101 = getSpace("nb101");
const table = nb101.benchmark(root);
const finite = (column: string) => Array.from(table.column(column)).filter(Number.isFinite).length;

test("2,500 + NASLib's 500 (292 distinct cells) + 52 records make 2,842 rows; each file fills its own column", () => {
  assert.is(table.rowCount, 2842);
  assert.equal([finite("test_accuracy"), finite("val_accuracy"), finite("mean_valid_accuracy"), finite("mean_test_accuracy")], [2500, 292, 52, 52]);
});

test("a row holds the file's accuracy in %: the first of the 2,500, and a nasbench record's mean of three runs", () => {
  const [[[matrix, ops], accuracy]] = JSON.parse(readDataText(dataFile(root, "nb101", "nb101_2500_test_acc.json"))) as [[number[][], string[]], number][];
  const first = nb101.format(nb101.parse(JSON.stringify({ matrix, ops })));
  assert.is(table.rowOf(first), 0);
  assert.is(table.column("test_accuracy")[0], 100 * accuracy);
  const records = JSON.parse(readDataText(dataFile(root, "nb101", "nb101_records_52.json"))) as Record<string, { fixed: { module_adjacency: number[][]; module_operations: string[] }; computed: { "108": { final_test_accuracy: number }[] } }>;
  const { fixed, computed } = Object.values(records)[0];
  const row = table.rowOf(nb101.format(nb101.parse(JSON.stringify({ matrix: fixed.module_adjacency, ops: fixed.module_operations }))));
  const runs = computed["108"].map((r) => r.final_test_accuracy);
  assert.ok(Math.abs(table.column("mean_test_accuracy")[row] - (100 * runs.reduce((s, v) => s + v, 0)) / 3) < 1e-9);
});

test("an isomorphic copy of a cell (vertices 1 and 2 swapped) is another string but the same row; an unlisted cell gets -1", () => {
  const swap = (i: number) => (i === 1 ? 2 : i === 2 ? 1 : i);
  const row = Array.from({ length: table.rowCount }, (_, r) => r).find((r) => {
    const cell = nb101.parse(table.archAt(r)) as { matrix: number[][]; ops: string[] };
    return cell.matrix.length >= 4 && cell.matrix[1][2] === 0 && cell.ops[0] !== cell.ops[1];
  })!;
  const cell = nb101.parse(table.archAt(row)) as { matrix: number[][]; ops: string[] };
  const n = cell.matrix.length;
  const matrix = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => cell.matrix[swap(i)][swap(j)]));
  const ops = ["input", ...Array.from({ length: n - 2 }, (_, k) => cell.ops[swap(k + 1) - 1]), "output"];
  const copy = nb101.format(nb101.parse(JSON.stringify({ matrix, ops })));
  assert.is.not(copy, table.archAt(row));
  assert.is(table.rowOf(copy), row);
  assert.is(table.rowOf("c1,c1,c1,c1,c1:01,12,23,34,45,56"), -1);
  throwsInputError(() => table.column("c10_test_200"), "test_accuracy");
});

test.run();
