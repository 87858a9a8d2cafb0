// Every registered space keeps the interface's promises (src/spaces/types.ts): canonical strings
// round-trip, the built network has the nodes and parameters the closed forms say, and no
// architecture has more nodes than the padding.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { getSpace, spaceNames } from "../../src/spaces/index.js";
import { Random } from "../../src/util/random.js";
import { throwsInputError } from "../helpers/inputError.js";

const SAMPLE = 25;

for (const name of spaceNames()) {
  const space = getSpace(name);
  const archs = [space.largest, ...space.examples, ...space.sample(SAMPLE, new Random(5))];

  test(`${name}: format(parse(s)) is s for canonical strings, and sampling is seeded and distinct`, () => {
    for (const arch of archs) assert.is(space.format(space.parse(arch)), arch);
    assert.equal(space.sample(SAMPLE, new Random(5)), archs.slice(1 + space.examples.length));
    assert.is(new Set(space.sample(SAMPLE, new Random(6))).size, SAMPLE);
  });

  test(`${name}: built nodes = nodeCount ≤ maxNodes, built parameters = the closed form, for every dataset`, () => {
    for (const dataset of space.datasets) {
      for (const arch of archs) {
        const parsed = space.parse(arch);
        const net = space.build(parsed, dataset);
        assert.is(net.nodes().length, space.nodeCount(parsed), `${arch} nodes`);
        assert.ok(net.nodes().length <= space.maxNodes, `${arch} has more nodes than ${space.maxNodes}`);
        assert.is(net.parameterCount(), space.cost(parsed, dataset).params, `${arch} parameters on ${dataset}`);
        assert.is(net.nodeOutputSides(32).length, net.nodes().length);
      }
    }
    assert.is(space.nodeCount(space.parse(space.largest)), space.maxNodes, "the largest architecture has the most nodes");
  });

  test(`${name}: the cell graph matches its vocabulary: shapes, one-hot rows, symmetric GCN-normalised adjacency with self-loops`, () => {
    const { tokens, ops } = space.cellGraph;
    assert.ok(tokens >= 1 && ops.length >= 1 && new Set(ops).size === ops.length, "a vocabulary of distinct ops");
    for (const arch of archs) {
      const { onehot, adjacency } = space.cellGraph.of(space.parse(arch));
      assert.is(onehot.length, tokens * ops.length, `${arch} one-hot size`);
      assert.is(adjacency.length, tokens * tokens, `${arch} adjacency size`);
      for (let t = 0; t < tokens; t++) {
        const row = onehot.subarray(t * ops.length, (t + 1) * ops.length);
        assert.ok(row.every((v) => v === 0 || v === 1) && row.reduce((a, v) => a + v, 0) <= 1, `${arch} token ${t}: one op at most`);
        // D^−½ (A + I) D^−½: each linked pair (i, j) holds 1/√(d_i d_j), d counting the row's links.
        const degree = (i: number) => adjacency.subarray(i * tokens, (i + 1) * tokens).filter((v) => v > 0).length;
        assert.ok(adjacency[t * tokens + t] > 0, `${arch} token ${t} has its self-loop`);
        for (let u = 0; u < tokens; u++) {
          const value = adjacency[t * tokens + u];
          assert.is(value, adjacency[u * tokens + t], `${arch} adjacency symmetric at ${t}, ${u}`);
          if (value !== 0) assert.ok(Math.abs(value - 1 / Math.sqrt(degree(t) * degree(u))) < 1e-15, `${arch} adjacency normalised at ${t}, ${u}`);
        }
      }
    }
  });

  test(`${name}: bad input is an input error`, () => {
    throwsInputError(() => space.parse(""));
    throwsInputError(() => space.parse("not an architecture"));
  });
}

test("an unknown space is an input error listing the known ones", () => {
  throwsInputError(() => getSpace("nb999"), "nb999", ...spaceNames());
});

test.run();
