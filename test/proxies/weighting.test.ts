import { test } from "uvu";
import * as assert from "uvu/assert";
import { getProxy } from "../../src/proxies/index.js";
import { nodeWeights, weightedScore } from "../../src/proxies/weighting.js";

test("ParZC† sine weights are (sin(0.1·i)+1)/2; uniform weights give back the aggregate", () => {
  const w = nodeWeights(3);
  assert.ok(Math.abs(w[0] - 0.5) < 1e-15 && Math.abs(w[2] - (Math.sin(0.2) + 1) / 2) < 1e-15);
  const snip = getProxy("snip");
  assert.is(weightedScore(snip, [0.5, 2], [4, 10], "uniform"), 0.5 * 4 + 2 * 10);
  assert.is(weightedScore(getProxy("grad_norm"), [0.5, 2], [4, 10], "uniform"), 2.5);
  assert.ok(Math.abs(weightedScore(snip, [0.5, 2], [4, 10]) - (0.5 * 2 + ((Math.sin(0.1) + 1) / 2) * 20)) < 1e-12);
  assert.throws(() => weightedScore(getProxy("params"), [1], [1]), /no node-wise form/);
});

test.run();
