// Whole-network gradient checks on a tiny NB201 network (C=4, one cell per stage).
// Tiny BN+ReLU networks are only smooth at a scale float32 cannot resolve (even PyTorch
// float32 fails an FD check there), so the finite differences run in float64 on the
// reference backend, and the wasm engine is then compared with those checked gradients.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Engine, type FloatArray } from "../../src/engine/engine.js";
import { lossPass, type LabelledBatch } from "../../src/engine/lossPass.js";
import { referenceBackend } from "../../src/reference/backend.js";
import { parseArch } from "../../src/spaces/nb201/codec.js";
import { Nb201Network } from "../../src/spaces/nb201/network.js";
import { Random } from "../../src/util/random.js";

const ARCH = "|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|none~1|nor_conv_3x3~2|";
const BATCH = 4;
const SIDE = 8;
const random = new Random(5);
const batch: LabelledBatch = {
  x: Float32Array.from({ length: BATCH * 3 * SIDE * SIDE }, () => random.normal()),
  shape: [BATCH, 3, SIDE, SIDE],
  labels: Int32Array.from({ length: BATCH }, (_, i) => i % 5),
};

async function tinyNetwork(engine: Engine): Promise<Nb201Network> {
  const net = new Nb201Network(parseArch(ARCH).ops, { channels: 4, cellsPerStage: 1, classes: 5 });
  net.allocate(engine, 11);
  return net;
}

const gradients = (engine: Engine, net: Nb201Network): FloatArray[] => lossPass(engine, net, batch, () => net.parameters().map((p) => engine.readGrad(p)));
const maxAbs = (values: FloatArray): number => {
  let m = 0;
  for (const v of values) m = Math.max(m, Math.abs(v));
  return m;
};

test("float64 engine: every parameter gradient matches central differences (eps 1e-6)", async () => {
  const engine = await Engine.create(referenceBackend());
  const net = await tinyNetwork(engine);
  const params = net.parameters();
  // stem conv+BN, 3 cells × 3 ReLUConvBN, 2 reductions × (2 ReLUConvBN + shortcut), head BN, classifier
  assert.is(params.length, 3 + 3 * 3 * 3 + 2 * (3 + 3 + 1) + 2 + 2);
  const grads = gradients(engine, net);
  const eps = 1e-6;
  params.forEach((p, i) => {
    const direction = Float64Array.from({ length: p.size }, () => random.symmetric(1));
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
  const expected = gradients(reference, await tinyNetwork(reference));
  const net = await tinyNetwork(wasm);
  const actual = gradients(wasm, net);
  const netScale = Math.max(...expected.map(maxAbs));
  net.parameters().forEach((p, i) => {
    let worst = 0;
    for (let j = 0; j < p.size; j++) worst = Math.max(worst, Math.abs(actual[i][j] - expected[i][j]));
    const scale = Math.max(maxAbs(expected[i]), 1e-3 * netScale);
    assert.ok(worst / scale < 1e-3, `${p.name}: off by ${(worst / scale).toExponential(2)} of its scale`);
  });
});

test.run();
