// Conv2d without bias on channel-major activations: x [C, N, H, W], weight [O, C, k, k]
// → y [O, N, Ho, Wo]. The kernel pair (assembly/conv.ts) does im2col + sgemm.
import type { Engine } from "../engine.js";
import type { Tensor } from "../tensor.js";

export interface ConvGeometry {
  stride: number;
  pad: number;
}

export function conv2d(engine: Engine, x: Tensor, weight: Tensor, { stride, pad }: ConvGeometry): Tensor {
  const [C, N, H, W] = x.shape;
  const [O, wc, k] = weight.shape;
  if (wc !== C) throw new Error(`conv2d: input has ${C} channels but the weight expects ${wc}`);
  const Ho = Math.floor((H + 2 * pad - k) / stride) + 1;
  const Wo = Math.floor((W + 2 * pad - k) / stride) + 1;
  const y = engine.empty([O, N, Ho, Wo], x.requiresGrad || weight.requiresGrad);
  const columns = C * k * k * N * Ho * Wo;
  const kernels = engine.kernels;
  kernels.conv2dForward(x.ptr, weight.ptr, C, N, H, W, O, k, stride, pad, y.ptr, engine.scratch(columns));
  if (y.requiresGrad) {
    engine.record("conv2d", () => {
      if (y.grad === 0) return;
      // A null pointer tells the kernel to skip that gradient (the stem needs no dx).
      const dx = x.requiresGrad ? engine.gradOf(x) : 0;
      const dw = weight.requiresGrad ? engine.gradOf(weight) : 0;
      kernels.conv2dBackward(x.ptr, weight.ptr, y.grad, C, N, H, W, O, k, stride, pad, dx, dw, engine.scratch(columns));
    });
  }
  return y;
}
