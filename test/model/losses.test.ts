// DiffKendall's SIMD kernel against its plain-TS reference (the spec) and finite differences, the
// other losses' gradients, loss-spec parsing, and the Adam kernel against torch.optim.Adam's rule.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { kendallTau } from "../../src/metrics/kendall.js";
import { batchLoss, diffKendallLoss, diffKendallReference, diffKendallReferenceGrad, mseLoss, pairwiseLoss, parseLoss } from "../../src/model/losses/index.js";
import { Adam } from "../../src/model/optimizer.js";
import { ParameterSet } from "../../src/model/parameters.js";
import { Random } from "../../src/util/random.js";
import { throwsInputError } from "../helpers/inputError.js";
import { assertClose, gradCheck, randomValues, runtime32, runtime64 } from "./helpers.js";

function kernelLossAndGrad(rt: Awaited<ReturnType<typeof runtime64>>, x: ArrayLike<number>, y: ArrayLike<number>, alpha: number): { loss: number; grad: Float64Array } {
  const { engine } = rt;
  return engine.withPass(() => {
    const predictions = engine.fromArray(x, [x.length], true);
    const loss = diffKendallLoss(rt, predictions, y, alpha);
    engine.backward(loss);
    return { loss: engine.read(loss)[0], grad: Float64Array.from(engine.readGrad(predictions)) };
  });
}

test("DiffKendall kernel = the plain-TS reference (loss and gradient), f64 and f32, n from 2 to 67", async () => {
  for (const rt of [await runtime64(), await runtime32()]) {
    const tol = rt.engine.elementBytes === 8 ? 1e-12 : 2e-5;
    for (const n of [2, 3, 5, 8, 10, 31, 67]) {
      const x = randomValues(n, 3), y = randomValues(n, 2);
      const { loss, grad } = kernelLossAndGrad(rt, x, y, 0.5);
      assertClose(`loss n=${n} ${rt.engine.backend.name}`, [loss], [diffKendallReference(x, y, 0.5)], tol);
      assertClose(`grad n=${n} ${rt.engine.backend.name}`, grad, diffKendallReferenceGrad(x, y, 0.5), tol * 10);
    }
  }
});

test("DiffKendall: widely spread inputs take the tanh path and still match the reference", async () => {
  for (const rt of [await runtime64(), await runtime32()]) {
    const x = Float64Array.from([0, 1e3, -2e3, 5, 4e3, 7, -1]), y = Float64Array.from([1, 2, 0, 3, 9, 4, -5]);
    const { loss, grad } = kernelLossAndGrad(rt, x, y, 0.5);
    assertClose("loss", [loss], [diffKendallReference(x, y, 0.5)], 1e-6);
    assertClose("grad", grad, diffKendallReferenceGrad(x, y, 0.5), 1e-5);
  }
});

test("DiffKendall op: gradient matches finite differences for α = 0.5 and α = 3", async () => {
  const rt = await runtime64();
  for (const alpha of [0.5, 3]) {
    const y = randomValues(13, 2);
    gradCheck(rt, { x: { shape: [13], scale: 2 } }, (rt, { x }) => diffKendallLoss(rt, x, y, alpha));
  }
});

test("DiffKendall: −L/2 tends to Kendall's τ for sharp α; L = 0 below two items", async () => {
  const x = randomValues(40), y = randomValues(40);
  assert.ok(Math.abs(-diffKendallReference(x, y, 1e6) / 2 - kendallTau(x, y)) < 1e-9);
  const rt = await runtime64();
  assert.is(kernelLossAndGrad(rt, [0.3], [1], 0.5).loss, 0);
  // perfectly ordered pairs give the most negative loss
  assert.ok(kernelLossAndGrad(rt, [1, 2, 3], [1, 2, 3], 0.5).loss < kernelLossAndGrad(rt, [3, 2, 1], [1, 2, 3], 0.5).loss);
});

test("pairwise logistic and MSE: gradients match finite differences, and sums add up", async () => {
  const rt = await runtime64();
  const y = Float64Array.from([0.5, -1, 2, 2, 0.1, -0.3, 1.7]); // a tie gives sign 0
  gradCheck(rt, { x: { shape: [7] } }, (rt, { x }) => pairwiseLoss(rt, x, y));
  gradCheck(rt, { x: { shape: [7] } }, (rt, { x }) => mseLoss(rt, x, y));
  gradCheck(rt, { x: { shape: [7] } }, (rt, { x }) => batchLoss(rt, ["mse", "pw", "dk"], x, y));
  const { engine } = rt;
  const x = randomValues(7);
  const parts = ["mse", "pw", "dk"].map((term) => engine.withPass(() => engine.read(batchLoss(rt, parseLoss(term), engine.fromArray(x, [7]), y))[0]));
  const sum = engine.withPass(() => engine.read(batchLoss(rt, parseLoss("mse+pw+dk"), engine.fromArray(x, [7]), y))[0]);
  assert.ok(Math.abs(sum - parts.reduce((a, v) => a + v, 0)) < 1e-12);
});

test("loss specs: names, sums and refusals", () => {
  assert.equal(parseLoss("dk"), ["dk"]);
  assert.equal(parseLoss("mse+dk"), ["mse", "dk"]);
  assert.equal(parseLoss("pairwise+diffkendall"), ["pw", "dk"]);
  throwsInputError(() => parseLoss("dk+hinge"), "hinge", "dk, pw or mse");
  throwsInputError(() => parseLoss("dk+dk"), "twice");
});

test("Adam kernel follows torch.optim.Adam (L2 weight decay) and AdamW step by step", async () => {
  for (const decoupled of [false, true]) {
    const rt = await runtime64();
    const { engine } = rt;
    const params = new ParameterSet();
    const p = params.add("p", [5], { kind: "uniform", bound: 1 });
    params.allocate(engine, new Random(3));
    const adam = new Adam(rt, params, { lr: 0.01, weightDecay: 0.1, decoupled });
    const w = Array.from(engine.read(p)), m = [0, 0, 0, 0, 0], v = [0, 0, 0, 0, 0];
    for (let t = 1; t <= 3; t++) {
      const g = Array.from(randomValues(5));
      params.attachGradients();
      engine.values(p.grad, 5).set(g);
      adam.step(0.01);
      for (let i = 0; i < 5; i++) {
        const grad = decoupled ? g[i] : g[i] + 0.1 * w[i];
        if (decoupled) w[i] *= 1 - 0.01 * 0.1;
        m[i] = 0.9 * m[i] + 0.1 * grad;
        v[i] = 0.999 * v[i] + 0.001 * grad * grad;
        const denom = Math.sqrt(v[i]) / Math.sqrt(1 - 0.999 ** t) + 1e-8;
        w[i] -= (0.01 / (1 - 0.9 ** t)) * (m[i] / denom);
      }
      assertClose(`step ${t}${decoupled ? " (AdamW)" : ""}`, engine.read(p), w, 1e-12);
    }
  }
});

test.run();
