// Train-mode BatchNorm2d: batch mean and biased variance per channel over (N, H, W),
// affine γ/β. Saves mean and 1/σ for backward; the caller updates running stats.
import type { Engine } from "../engine.js";
import type { Tensor } from "../tensor.js";

export interface BatchStats {
  mean: ArrayLike<number>;
  /** Biased batch variance per channel. */
  variance: Float64Array;
  /** Values per channel (N·H·W), for the unbiased running-variance update. */
  count: number;
}

export function batchNorm2d(engine: Engine, x: Tensor, gamma: Tensor, beta: Tensor, eps = 1e-5): { y: Tensor; stats: BatchStats } {
  const C = x.shape[0];
  const P = x.size / C;
  const y = engine.empty(x.shape, x.requiresGrad || gamma.requiresGrad || beta.requiresGrad);
  const meanSaved = engine.empty([C]);
  const invStdSaved = engine.empty([C]);
  const kernels = engine.kernels;
  kernels.batchNormForward(x.ptr, gamma.ptr, beta.ptr, C, P, eps, y.ptr, meanSaved.ptr, invStdSaved.ptr);
  const mean = engine.read(meanSaved);
  const invStd = engine.view(invStdSaved);
  const variance = new Float64Array(C);
  for (let c = 0; c < C; c++) variance[c] = 1 / (invStd[c] * invStd[c]) - eps;
  if (y.requiresGrad) {
    engine.record("batchNorm2d", () => {
      if (y.grad === 0) return;
      const dx = x.requiresGrad ? engine.gradOf(x) : engine.scratch(x.size);
      kernels.batchNormBackward(x.ptr, y.grad, gamma.ptr, meanSaved.ptr, invStdSaved.ptr, C, P, dx, engine.gradOf(gamma), engine.gradOf(beta));
    });
  }
  return { y, stats: { mean, variance, count: P } };
}
