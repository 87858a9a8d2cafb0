// LayerNorm over the last axis of x [R, C] (assembly/layernorm.ts), as torch.nn.LayerNorm(C).
import type { Tensor } from "../../engine/tensor.js";
import type { Runtime } from "../runtime.js";

export function layerNorm(rt: Runtime, x: Tensor, gamma: Tensor, beta: Tensor, eps = 1e-5): Tensor {
  const { engine, kernels } = rt;
  const [rows, cols] = x.shape;
  if (x.shape.length !== 2 || gamma.size !== cols || beta.size !== cols) {
    throw new Error(`layerNorm: input [${x.shape}] needs gamma and beta of ${cols} values, got ${gamma.size} and ${beta.size}`);
  }
  const y = engine.empty([rows, cols], x.requiresGrad || gamma.requiresGrad || beta.requiresGrad);
  const mean = engine.empty([rows]);
  const invStd = engine.empty([rows]);
  kernels.layerNormForward(x.ptr, gamma.ptr, beta.ptr, rows, cols, eps, y.ptr, mean.ptr, invStd.ptr);
  if (y.requiresGrad) {
    engine.record("layerNorm", () => {
      if (y.grad === 0) return;
      // The kernel writes all three gradients; ones nobody needs go to scratch.
      const dx = x.requiresGrad ? engine.gradOf(x) : engine.zeros([rows, cols]).ptr;
      const dgamma = gamma.requiresGrad ? engine.gradOf(gamma) : engine.zeros([cols]).ptr;
      const dbeta = beta.requiresGrad ? engine.gradOf(beta) : engine.zeros([cols]).ptr;
      kernels.layerNormBackward(x.ptr, y.grad, gamma.ptr, mean.ptr, invStd.ptr, rows, cols, dx, dgamma, dbeta);
    });
  }
  return y;
}
