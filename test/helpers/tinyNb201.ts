// The tiny NB201 network (C=4, one cell per stage, 5 classes) and the labelled batch that the
// whole-network engine tests share, with the per-tensor comparison of two engines' gradients.
import * as assert from "uvu/assert";
import type { Engine, FloatArray } from "../../src/engine/engine.js";
import { lossPass, type LabelledBatch } from "../../src/engine/lossPass.js";
import { parseArch } from "../../src/spaces/nb201/codec.js";
import { Nb201Network } from "../../src/spaces/nb201/network.js";
import { Random } from "../../src/util/random.js";

const ARCH = "|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|none~1|nor_conv_3x3~2|";
const BATCH = 4;
const SIDE = 8;
const random = new Random(5);

export const batch: LabelledBatch = {
  x: Float32Array.from({ length: BATCH * 3 * SIDE * SIDE }, () => random.normal()),
  shape: [BATCH, 3, SIDE, SIDE],
  labels: Int32Array.from({ length: BATCH }, (_, i) => i % 5),
};

/** The network with the same weights (seed 11) on any engine. */
export function tinyNetwork(engine: Engine): Nb201Network {
  const net = new Nb201Network(parseArch(ARCH).ops, { channels: 4, cellsPerStage: 1, classes: 5 });
  net.allocate(engine, 11);
  return net;
}

/** Every parameter's gradient of the batch loss, in parameter order. */
export const gradients = (engine: Engine, net: Nb201Network): FloatArray[] =>
  lossPass(engine, net, batch, () => net.parameters().map((p) => engine.readGrad(p)));

const maxAbs = (values: FloatArray): number => {
  let m = 0;
  for (const v of values) m = Math.max(m, Math.abs(v));
  return m;
};

/**
 * Each parameter's gradient within `tolerance` of the expected one, relative to its own scale
 * (or a thousandth of the network's, for tensors whose gradient is all but zero).
 */
export function assertGradientsMatch(net: Nb201Network, actual: FloatArray[], expected: FloatArray[], tolerance: number): void {
  const netScale = Math.max(...expected.map(maxAbs));
  net.parameters().forEach((p, i) => {
    let worst = 0;
    for (let j = 0; j < p.size; j++) worst = Math.max(worst, Math.abs(actual[i][j] - expected[i][j]));
    const scale = Math.max(maxAbs(expected[i]), 1e-3 * netScale);
    assert.ok(worst / scale < tolerance, `${p.name}: off by ${(worst / scale).toExponential(2)} of its scale`);
  });
}
