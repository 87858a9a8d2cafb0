// Average pools on channel-major activations [C, N, H, W]: every (c, n) plane is H×W.
import type { Engine } from "../engine.js";
import type { Tensor } from "../tensor.js";

/** 3×3, stride 1, pad 1, divisor = in-bounds taps (count_include_pad=False). */
export function avgPool3x3(engine: Engine, x: Tensor): Tensor {
  const [C, N, H, W] = x.shape;
  const y = engine.empty(x.shape, x.requiresGrad);
  const kernels = engine.kernels;
  kernels.avgPool3x3Forward(x.ptr, C * N, H, W, y.ptr);
  if (y.requiresGrad) {
    engine.record("avgPool3x3", () => {
      if (y.grad !== 0) kernels.avgPool3x3Backward(y.grad, C * N, H, W, engine.gradOf(x));
    });
  }
  return y;
}

/** 2×2, stride 2 (the reduction block's shortcut). */
export function avgPool2x2(engine: Engine, x: Tensor): Tensor {
  const [C, N, H, W] = x.shape;
  if (H % 2 || W % 2) throw new Error(`avgPool2x2: spatial size ${H}×${W} must be even`);
  const y = engine.empty([C, N, H / 2, W / 2], x.requiresGrad);
  const kernels = engine.kernels;
  kernels.avgPool2x2Forward(x.ptr, C * N, H, W, y.ptr);
  if (y.requiresGrad) {
    engine.record("avgPool2x2", () => {
      if (y.grad !== 0) kernels.avgPool2x2Backward(y.grad, C * N, H, W, engine.gradOf(x));
    });
  }
  return y;
}

/** Mean over H×W: [C, N, H, W] → features [C, N]. */
export function globalAvgPool(engine: Engine, x: Tensor): Tensor {
  const [C, N, H, W] = x.shape;
  const y = engine.empty([C, N], x.requiresGrad);
  const kernels = engine.kernels;
  kernels.globalAvgPoolForward(x.ptr, C * N, H * W, y.ptr);
  if (y.requiresGrad) {
    engine.record("globalAvgPool", () => {
      if (y.grad !== 0) kernels.globalAvgPoolBackward(y.grad, C * N, H * W, engine.gradOf(x));
    });
  }
  return y;
}
