// Finite-difference check of a whole (tiny) NB201 network: for every parameter tensor,
// the analytic directional derivative g·v must match (L(w+εv) − L(w−εv)) / 2ε.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Engine } from "../../src/engine/engine.js";
import { lossPass } from "../../src/engine/lossPass.js";
import { Nb201Network } from "../../src/spaces/nb201/network.js";
import { parseArch } from "../../src/spaces/nb201/codec.js";
import { Random } from "../../src/util/random.js";

const ARCH = "|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|none~1|nor_conv_3x3~2|";
const BATCH = 4;
const SIDE = 8;

test("every parameter gradient of a tiny NB201 network matches central differences", async () => {
  const engine = await Engine.create();
  const net = new Nb201Network(parseArch(ARCH).ops, { channels: 4, cellsPerStage: 1, classes: 5 });
  net.allocate(engine, 11);
  const random = new Random(5);
  const batch = {
    x: Float32Array.from({ length: BATCH * 3 * SIDE * SIDE }, () => random.normal()),
    shape: [BATCH, 3, SIDE, SIDE] as const,
    labels: Int32Array.from({ length: BATCH }, (_, i) => i % 5),
  };
  const loss = (): number => lossPass(engine, net, batch, (pass) => pass.loss);
  const grads = lossPass(engine, net, batch, () => net.parameters().map((p) => engine.readGrad(p)));

  const params = net.parameters();
  assert.is(params.length, 1 + 2 + 3 * 3 + 3 * 3 + 3 * 3 + 2 * (3 * 3 + 1) + 2 + 2);
  const eps = 1e-2;
  params.forEach((p, i) => {
    const direction = Float32Array.from({ length: p.size }, () => random.symmetric(1));
    const saved = engine.read(p);
    const shifted = (sign: number): number => {
      const view = engine.view(p);
      for (let j = 0; j < p.size; j++) view[j] = saved[j] + sign * eps * direction[j];
      return loss();
    };
    const numeric = (shifted(1) - shifted(-1)) / (2 * eps);
    engine.view(p).set(saved);
    let analytic = 0;
    for (let j = 0; j < p.size; j++) analytic += grads[i][j] * direction[j];
    const scale = Math.max(Math.abs(analytic), Math.abs(numeric), 1e-3);
    assert.ok(Math.abs(analytic - numeric) / scale < 2e-2, `${p.name}: analytic ${analytic} vs numeric ${numeric}`);
  });
});

test.run();
