// Whole-network gradient checks on a tiny NB201 network (C=4, one cell per stage).
// Tiny BN+ReLU networks are only smooth at a scale float32 cannot resolve (even PyTorch
// float32 fails an FD check there), so the finite differences run in float64 on the
// reference backend, and the wasm engine is then compared with those checked gradients.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Engine } from "../../src/engine/engine.js";
import { lossPass } from "../../src/engine/lossPass.js";
import { referenceBackend } from "../../src/reference/backend.js";
import { Random } from "../../src/util/random.js";
import { assertGradientsMatch, batch, gradients, tinyNetwork } from "../helpers/tinyNb201.js";

const random = new Random(6); // the finite-difference directions

test("float64 engine: every parameter gradient matches central differences (eps 1e-6)", async () => {
  const engine = await Engine.create(referenceBackend());
  const net = tinyNetwork(engine);
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
  const expected = gradients(reference, tinyNetwork(reference));
  const net = tinyNetwork(wasm);
  assertGradientsMatch(net, gradients(wasm, net), expected, 1e-3);
});

test.run();
