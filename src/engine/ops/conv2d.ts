// Conv2d without bias on channel-major activations: x [C, N, H, W], weight [O, C, k, k]
// → y [O, N, Ho, Wo]. Two kernel pairs: assembly/conv.ts (im2col + sgemm, any geometry) and
// assembly/winograd.ts (Winograd F(4×4, 3×3), 4× fewer multiplies) for the 3×3 "same" convs.
import type { Engine } from "../engine.js";
import type { Tensor } from "../tensor.js";

export interface ConvGeometry {
  stride: number;
  pad: number;
}

/**
 * Winograd takes k = 3, stride 1, pad 1 and pays once its 36 GEMMs have some width: measured
 * forward + backward, it took 0.25–0.95× im2col's time (mostly under half) from 8 input channels
 * and 2 tiles on, but up to 3× at 4 channels and 3.7× on a single 4×4 tile. The channel floor
 * also keeps the stem (3 channels of raw image, where F(4×4, 3×3)'s larger rounding shows after
 * BN) on im2col.
 */
function usesWinograd(C: number, N: number, H: number, W: number, k: number, stride: number, pad: number): boolean {
  return k === 3 && stride === 1 && pad === 1 && C >= 8 && N * Math.ceil(H / 4) * Math.ceil(W / 4) >= 2;
}

export function conv2d(engine: Engine, x: Tensor, weight: Tensor, { stride, pad }: ConvGeometry): Tensor {
  const [C, N, H, W] = x.shape;
  const [O, wc, k] = weight.shape;
  if (wc !== C) throw new Error(`conv2d: input has ${C} channels but the weight expects ${wc}`);
  const Ho = Math.floor((H + 2 * pad - k) / stride) + 1;
  const Wo = Math.floor((W + 2 * pad - k) / stride) + 1;
  const y = engine.empty([O, N, Ho, Wo], x.requiresGrad || weight.requiresGrad);
  const kernels = engine.kernels;
  const winograd = usesWinograd(C, N, H, W, k, stride, pad);
  const scratch = winograd ? kernels.winogradScratchFloats(C, N, H, W, O) : C * k * k * N * Ho * Wo;
  if (winograd) kernels.winogradConv3x3Forward(x.ptr, weight.ptr, C, N, H, W, O, y.ptr, engine.scratch(scratch));
  else kernels.conv2dForward(x.ptr, weight.ptr, C, N, H, W, O, k, stride, pad, y.ptr, engine.scratch(scratch));
  if (y.requiresGrad) {
    engine.record("conv2d", () => {
      if (y.grad === 0) return;
      // A null pointer tells the kernel to skip that gradient (the stem needs no dx).
      const dx = x.requiresGrad ? engine.gradOf(x) : 0;
      const dw = weight.requiresGrad ? engine.gradOf(weight) : 0;
      if (winograd) kernels.winogradConv3x3Backward(x.ptr, weight.ptr, y.grad, C, N, H, W, O, dx, dw, engine.scratch(scratch));
      else kernels.conv2dBackward(x.ptr, weight.ptr, y.grad, C, N, H, W, O, k, stride, pad, dx, dw, engine.scratch(scratch));
    });
  }
  return y;
}
