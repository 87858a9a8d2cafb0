// Whole-network gradient checks on a tiny NB101 network (stem 4, 8×8 images): a cell with a
// max-pool vertex, both convs, projections into two vertices, one added to the concat of three
// output feeders, and truncations (2→1, 3→2 and 6→5 channels in the three stacks). As in
// network-gradcheck.test.ts the central differences run on the float64 engine, and the wasm
// float32 engine is then compared with those checked gradients.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Engine, type FloatArray } from "../../src/engine/engine.js";
import { lossPass, type LabelledBatch } from "../../src/engine/lossPass.js";
import { referenceBackend } from "../../src/reference/backend.js";
import { parseCell } from "../../src/spaces/nb101/codec.js";
import { nb101Network, type Nb101Network } from "../../src/spaces/nb101/network.js";
import { vertexChannels } from "../../src/spaces/nb101/channels.js";
import { Random } from "../../src/util/random.js";

const CELL = parseCell("c3,mp,c1:01,02,04,12,14,23,24,34");
const STEM = 4;
const BATCH = 4;
const SIDE = 8;
const inputs = new Random(5);
const batch: LabelledBatch = {
  x: Float32Array.from({ length: BATCH * 3 * SIDE * SIDE }, () => inputs.normal()),
  shape: [BATCH, 3, SIDE, SIDE],
  labels: Int32Array.from({ length: BATCH }, (_, i) => i % 5),
};

function tinyNetwork(engine: Engine): Nb101Network {
  const net = nb101Network(CELL, { stemChannels: STEM, classes: 5 });
  net.allocate(engine, 11);
  return net;
}

const gradients = (engine: Engine, net: Nb101Network): FloatArray[] => lossPass(engine, net, batch, () => net.parameters().map((p) => engine.readGrad(p)));

test("the cell truncates in every stack", () => {
  assert.equal([4, 8, 16].map((c) => vertexChannels(CELL, c, c)), [[4, 2, 1, 1, 4], [8, 3, 3, 2, 8], [16, 6, 5, 5, 16]]);
});

test("float64 engine: every parameter gradient matches central differences (eps 1e-6)", async () => {
  const engine = await Engine.create(referenceBackend());
  const net = tinyNetwork(engine);
  const params = net.parameters();
  const grads = gradients(engine, net);
  const directions = new Random(6);
  const eps = 1e-6;
  params.forEach((p, i) => {
    const direction = Float64Array.from({ length: p.size }, () => directions.symmetric(1));
    const saved = engine.read(p);
    const lossAt = (step: number): number => {
      const view = engine.view(p);
      for (let j = 0; j < p.size; j++) view[j] = saved[j] + step * direction[j];
      return lossPass(engine, net, batch, (pass) => pass.loss);
    };
    const numeric = (lossAt(eps) - lossAt(-eps)) / (2 * eps);
    engine.view(p).set(saved);
    let analytic = 0;
    for (let j = 0; j < p.size; j++) analytic += grads[i][j] * direction[j];
    const scale = Math.max(Math.abs(analytic), 1e-4);
    assert.ok(Math.abs(analytic - numeric) / scale < 1e-4, `${p.name}: analytic ${analytic} vs numeric ${numeric}`);
  });
});

test("wasm float32 engine: gradients equal the float64 engine's on the same weights and batch", async () => {
  const reference = await Engine.create(referenceBackend());
  const wasm = await Engine.create();
  const expected = gradients(reference, tinyNetwork(reference));
  const net = tinyNetwork(wasm);
  const actual = gradients(wasm, net);
  const maxAbs = (values: FloatArray): number => {
    let m = 0;
    for (const v of values) m = Math.max(m, Math.abs(v));
    return m;
  };
  const netScale = Math.max(...expected.map(maxAbs));
  net.parameters().forEach((p, i) => {
    let worst = 0;
    for (let j = 0; j < p.size; j++) worst = Math.max(worst, Math.abs(actual[i][j] - expected[i][j]));
    const scale = Math.max(maxAbs(expected[i]), 1e-3 * netScale);
    assert.ok(worst / scale < 1e-3, `${p.name}: off by ${(worst / scale).toExponential(2)} of its scale`);
  });
});

test.run();
