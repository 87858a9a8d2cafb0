// DiffKendall as a tape op over the predictions [B, 1] of a batch (assembly/diffkendall.ts).
import type { Tensor } from "../../engine/tensor.js";
import type { Runtime } from "../runtime.js";

export const DEFAULT_ALPHA = 0.5;

export function diffKendallLoss(rt: Runtime, predictions: Tensor, targets: ArrayLike<number>, alpha = DEFAULT_ALPHA): Tensor {
  const { engine, kernels } = rt;
  const n = predictions.size;
  if (targets.length !== n) throw new Error(`diffKendallLoss: ${n} predictions against ${targets.length} targets`);
  const y = engine.fromArray(targets, [n]);
  const scratch = engine.empty([2 * n]);
  const value = kernels.diffKendallForward(predictions.ptr, y.ptr, n, alpha, scratch.ptr);
  const loss = engine.fromArray([value], [1], predictions.requiresGrad);
  if (loss.requiresGrad) {
    engine.record("diffKendall", () => {
      if (loss.grad === 0) return;
      const upstream = engine.values(loss.grad, 1)[0];
      kernels.diffKendallBackward(predictions.ptr, y.ptr, n, alpha, upstream, engine.gradOf(predictions), scratch.ptr);
    });
  }
  return loss;
}
