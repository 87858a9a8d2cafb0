import type { Engine } from "../engine.js";
import type { Tensor } from "../tensor.js";

/** `readers`: how many consumers share this ReLU (reported to observers, see PassObserver). */
export function relu(engine: Engine, x: Tensor, readers = 1): Tensor {
  engine.observer?.reluInput?.(x, readers);
  const y = engine.empty(x.shape, x.requiresGrad);
  const kernels = engine.kernels;
  kernels.reluForward(x.ptr, x.size, y.ptr);
  if (y.requiresGrad) {
    engine.record("relu", () => {
      if (y.grad !== 0) kernels.reluBackward(x.ptr, y.grad, x.size, engine.gradOf(x));
    });
  }
  return y;
}
