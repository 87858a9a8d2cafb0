// Max pools on channel-major activations [C, N, H, W] (NB101's maxpool3x3 op and its downsampling).
// The backward re-finds each window's maximum in the saved input (PyTorch's rule for ties: the
// first maximum in row-major order takes the whole gradient), so nothing beyond x is kept.
import type { Engine } from "../engine.js";
import type { Tensor } from "../tensor.js";

/** The widest plane assembly/maxPool.ts's 3×3 row buffer holds. */
const MAX_WIDTH = 4096;

/** 3×3, stride 1, pad 1 (padding never wins). */
export function maxPool3x3(engine: Engine, x: Tensor): Tensor {
  const [C, N, H, W] = x.shape;
  if (W > MAX_WIDTH) throw new Error(`maxPool3x3: width ${W} exceeds the kernel's ${MAX_WIDTH}`);
  const y = engine.empty(x.shape, x.requiresGrad);
  const kernels = engine.kernels;
  kernels.maxPool3x3Forward(x.ptr, C * N, H, W, y.ptr);
  if (y.requiresGrad) {
    engine.record("maxPool3x3", () => {
      if (y.grad !== 0) kernels.maxPool3x3Backward(x.ptr, y.grad, C * N, H, W, engine.gradOf(x));
    });
  }
  return y;
}

/** 2×2, stride 2 (H, W even): [C, N, H, W] → [C, N, H/2, W/2]. */
export function maxPool2x2(engine: Engine, x: Tensor): Tensor {
  const [C, N, H, W] = x.shape;
  if (H % 2 || W % 2) throw new Error(`maxPool2x2: spatial size ${H}×${W} must be even`);
  const y = engine.empty([C, N, H / 2, W / 2], x.requiresGrad);
  const kernels = engine.kernels;
  kernels.maxPool2x2Forward(x.ptr, C * N, H, W, y.ptr);
  if (y.requiresGrad) {
    engine.record("maxPool2x2", () => {
      if (y.grad !== 0) kernels.maxPool2x2Backward(x.ptr, y.grad, C * N, H, W, engine.gradOf(x));
    });
  }
  return y;
}
