// NB101's cell graph for the architecture encoder: a token per vertex of the pruned cell, padded
// before the output so the input is token 0 and the output token 6; padding tokens have no op and
// keep only their self-loop.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { getSpace } from "../../../src/spaces/index.js";

const nb101 = getSpace("nb101");
const cellOf = (arch: string) => nb101.cellGraph.of(nb101.parse(arch));
const rows = (values: Float64Array, width: number) => Array.from({ length: values.length / width }, (_, r) => Array.from(values.subarray(r * width, (r + 1) * width)));

test("the vocabulary: 7 vertex tokens over input, output and the three interior ops", () => {
  assert.is(nb101.cellGraph.tokens, 7);
  assert.equal([...nb101.cellGraph.ops], ["input", "output", "conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3"]);
});

test("a 5-vertex cell: its ops one-hot, two padding tokens before the output, the DAG symmetric with self-loops, GCN-normalised", () => {
  // input → c3, input → mp, c3 → c1, mp → output, c1 → output: every vertex has 2 neighbours, degree 3.
  const { onehot, adjacency } = cellOf("c3,mp,c1:01,02,13,24,34");
  assert.equal(rows(onehot, 5), [[1, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 1], [0, 0, 0, 1, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 1, 0, 0, 0]]);
  const t = 1 / 3;
  assert.equal(rows(adjacency, 7), [
    [t, t, t, 0, 0, 0, 0],
    [t, t, 0, t, 0, 0, 0],
    [t, 0, t, 0, 0, 0, t],
    [0, t, 0, t, 0, 0, t],
    [0, 0, 0, 0, 1, 0, 0],
    [0, 0, 0, 0, 0, 1, 0],
    [0, 0, t, t, 0, 0, t],
  ]);
});

test("the input→output-only cell: two tokens joined, five padding tokens alone", () => {
  const { onehot, adjacency } = cellOf(":01");
  assert.equal(rows(onehot, 5).map((row) => row.indexOf(1)), [0, -1, -1, -1, -1, -1, 1]);
  const expected = rows(new Float64Array(49).map((_, k) => (k % 8 === 0 ? 1 : 0)), 7);
  expected[0][0] = expected[0][6] = expected[6][0] = expected[6][6] = 0.5;
  assert.equal(rows(adjacency, 7), expected);
});

test("a full 7-vertex cell has no padding: every token carries an op", () => {
  const { onehot } = cellOf(nb101.largest);
  assert.ok(rows(onehot, 5).every((row) => row.reduce((a, v) => a + v, 0) === 1));
});

test.run();
