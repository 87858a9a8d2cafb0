import { test } from "uvu";
import * as assert from "uvu/assert";
import { encodeNodes, minMaxScale, PARZC_ENCODING } from "../../src/proxies/encoding.js";
import { getProxy } from "../../src/proxies/index.js";
import { nodeWeights, weightedScore } from "../../src/proxies/weighting.js";

test("NB201 pads to 98 nodes per proxy", () => {
  assert.is(PARZC_ENCODING.maxNodes, 98);
});

test("min–max scaling is per vector; a constant vector gives NaN (no epsilon, as ParZC's NB201 data)", () => {
  assert.equal([...minMaxScale([2, 4, 3])], [0, 1, 0.5]);
  assert.ok(minMaxScale([5, 5]).every(Number.isNaN));
});

test("encoding: ParZC order, scaled, NaN → 0 (counted), zero-padded to 98", () => {
  const nodes = { grad_norm: [1, 3, 2], snip: [7, 7, 7], synflow: [0, 10, Infinity, 5], fisher: [9] };
  const { features, masked } = encodeNodes(nodes);
  assert.is(features.length, 3 * 98);
  assert.equal([...features.subarray(0, 4)], [0, 1, 0.5, 0]);
  assert.equal([...features.subarray(98, 101)], [0, 0, 0]);
  assert.equal([...features.subarray(196, 200)], [0, 1, 0, 0.5]);
  assert.is(masked, 3 + 1);
  assert.ok(features.subarray(200).every((v) => v === 0));
});

test("encoding refuses a record without a needed proxy, naming it", () => {
  assert.throws(() => encodeNodes({ grad_norm: [1], snip: [1] }), /"synflow"/);
});

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
