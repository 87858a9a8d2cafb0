// Every model op's backward against central differences in float64, and the kernels' forwards
// against plain-TS formulas.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { reparameterise, softplus } from "../../src/model/ops/bayesian.js";
import { gelu } from "../../src/model/ops/gelu.js";
import { layerNorm } from "../../src/model/ops/layerNorm.js";
import { linearRows } from "../../src/model/ops/linear.js";
import { addBroadcast, graphPropagate, meanGroups, reshape, transposeBlocks } from "../../src/model/ops/tokens.js";
import { cellGraphOf } from "../../src/model/cellGraph.js";
import { getSpace } from "../../src/spaces/index.js";
import { assertClose, gradCheck, randomValues, runtime32, runtime64 } from "./helpers.js";

const cellInput = (arch: string) => cellGraphOf(getSpace("nb201"), arch);

test("linearRows: dx, dW and db match finite differences", async () => {
  gradCheck(await runtime64(), { x: { shape: [5, 7] }, w: { shape: [3, 7] }, b: { shape: [3] } },
    (rt, { x, w, b }) => linearRows(rt, x, w, b));
});

test("layerNorm: dx, dgamma and dbeta match finite differences (odd width hits the scalar tail)", async () => {
  gradCheck(await runtime64(), { x: { shape: [4, 9], scale: 3 }, gamma: { shape: [9] }, beta: { shape: [9] } },
    (rt, { x, gamma, beta }) => layerNorm(rt, x, gamma, beta));
});

test("layerNorm forward: rows have mean β and spread γ, as torch.nn.LayerNorm", async () => {
  for (const rt of [await runtime64(), await runtime32()]) {
    const { engine } = rt;
    const x = randomValues(3 * 10, 4);
    const gamma = randomValues(10), beta = randomValues(10);
    const want = new Float64Array(30);
    for (let r = 0; r < 3; r++) {
      const row = x.subarray(r * 10, r * 10 + 10);
      const mean = row.reduce((a, v) => a + v, 0) / 10;
      const variance = row.reduce((a, v) => a + (v - mean) ** 2, 0) / 10;
      for (let c = 0; c < 10; c++) want[r * 10 + c] = ((row[c] - mean) / Math.sqrt(variance + 1e-5)) * gamma[c] + beta[c];
    }
    const got = engine.withPass(() => engine.read(layerNorm(rt, engine.fromArray(x, [3, 10]), engine.fromArray(gamma, [10]), engine.fromArray(beta, [10]))));
    assertClose(`layerNorm ${engine.backend.name}`, got, want, engine.elementBytes === 8 ? 1e-12 : 1e-5);
  }
});

test("gelu: forward is ½x(1 + tanh(√(2/π)(x + 0.044715x³))) and its backward matches finite differences", async () => {
  const x = Float64Array.from([...randomValues(37, 4), -30, 30, -90, 90, 0]);
  const want = x.map((v) => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3))));
  for (const rt of [await runtime64(), await runtime32()]) {
    const { engine } = rt;
    const got = engine.withPass(() => engine.read(gelu(rt, engine.fromArray(x, [x.length]))));
    assertClose(`gelu ${engine.backend.name}`, got, want, engine.elementBytes === 8 ? 1e-13 : 2e-6);
  }
  gradCheck(await runtime64(), { x: { shape: [37], scale: 4 } }, (rt, { x }) => gelu(rt, x));
});

test("Bayesian linear with ε fixed: W = μ + softplus(ρ)·ε, and dμ, dρ, dx match finite differences", async () => {
  const rt = await runtime64();
  const eps = randomValues(3 * 6, 2);
  gradCheck(rt, { x: { shape: [4, 6] }, mu: { shape: [3, 6] }, rho: { shape: [3, 6], scale: 2 } },
    (rt, { x, mu, rho }) => linearRows(rt, x, reparameterise(rt, mu, rho, eps)));
  const { engine } = rt;
  const mu = randomValues(4), rho = Float64Array.from([-5, -1, 0, 3]);
  const w = engine.withPass(() => engine.read(reparameterise(rt, engine.fromArray(mu, [4]), engine.fromArray(rho, [4]), [1, 1, 1, 1])));
  assertClose("W", w, mu.map((m, i) => m + Math.log(1 + Math.exp(rho[i]))), 1e-14);
  assert.ok(softplus(-1000) === 0 && softplus(1000) === 1000, "softplus saturates without overflow");
});

test("token mixing transpose, reshape, mean over segments and broadcast add match finite differences", async () => {
  const rt = await runtime64();
  gradCheck(rt, { x: { shape: [2 * 3, 5] } }, (rt, { x }) => transposeBlocks(rt, x, 2));
  gradCheck(rt, { x: { shape: [2 * 8, 6] } }, (rt, { x }) => transposeBlocks(rt, transposeBlocks(rt, x, 2), 2));
  gradCheck(rt, { x: { shape: [3, 8] } }, (rt, { x }) => reshape(rt, x, [6, 4]));
  gradCheck(rt, { x: { shape: [3 * 4, 5] } }, (rt, { x }) => meanGroups(rt, x, 4));
  gradCheck(rt, { x: { shape: [2 * 6, 3] }, p: { shape: [6, 3] } }, (rt, { x, p }) => addBroadcast(rt, x, p));
});

test("transposeBlocks swaps tokens and channels inside each architecture's block", async () => {
  const rt = await runtime64();
  const { engine } = rt;
  // two blocks of 2 tokens × 3 channels
  const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  const y = engine.withPass(() => engine.read(transposeBlocks(rt, engine.fromArray(x, [4, 3]), 2)));
  assert.equal(Array.from(y), [1, 4, 2, 5, 3, 6, 7, 10, 8, 11, 9, 12]);
});

test("graph propagation over two cells' normalised line graphs matches finite differences", async () => {
  const rt = await runtime64();
  const a = cellInput("|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|nor_conv_3x3~2|").adjacency;
  const b = cellInput("|skip_connect~0|+|nor_conv_1x1~0|nor_conv_3x3~1|+|none~0|none~1|skip_connect~2|").adjacency;
  gradCheck(rt, { x: { shape: [12, 4] }, adjacency: { shape: [12, 6], values: Float64Array.from([...a, ...b]), constant: true } },
    (rt, { x, adjacency }) => graphPropagate(rt, x, adjacency));
});

test.run();
