// NB201's cell graph for the architecture encoder: edge tokens, the line graph, `none` edges cut
// off. The pinned values are those the encoder read before spaces had cell graphs, so models
// trained then see the same cells.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { nb201 } from "../../../src/spaces/nb201/index.js";

const cellOf = (arch: string) => nb201.cellGraph.of(nb201.parse(arch));

test("cell adjacency: symmetric, self-loops, and `none` edges cut off", () => {
  const { adjacency, onehot } = cellOf("|none~0|+|nor_conv_3x3~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|nor_conv_3x3~2|");
  for (let e = 0; e < 6; e++) for (let f = 0; f < 6; f++) assert.ok(Math.abs(adjacency[e * 6 + f] - adjacency[f * 6 + e]) < 1e-15);
  // edge 0 (0→1) is none: only its self-loop (degree 1 → weight 1)
  assert.equal(Array.from(adjacency.subarray(0, 6)), [1, 0, 0, 0, 0, 0]);
  // edge 1 (0→2) feeds edge 5 (2→3)
  assert.ok(adjacency[1 * 6 + 5] > 0);
  assert.equal(Array.from(onehot.subarray(0, 5)), [1, 0, 0, 0, 0]);
});

test("two cells' one-hots and normalised adjacencies are the pinned values, value for value", () => {
  const first = cellOf("|skip_connect~0|+|none~0|avg_pool_3x3~1|+|skip_connect~0|none~1|skip_connect~2|");
  assert.equal(Array.from(first.onehot), [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
  const a = 0.4082482904638631;
  assert.equal(Array.from(first.adjacency), [0.5, 0, a, 0, 0, 0, 0, 1, 0, 0, 0, 0, a, 0, 0.3333333333333333, 0, 0, a, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, a, 0, 0, 0.5]);
  const second = cellOf("|nor_conv_1x1~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|none~1|none~2|");
  assert.equal(Array.from(second.onehot), [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
  assert.equal(Array.from(second.adjacency), [0.5, 0, 0.5, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0.5, 0, 0.5, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1]);
});

test.run();
