// Linear layer on channel-major features: x [in, N] (as globalAvgPool gives them),
// weight [out, in], bias [out] → y [N, out] row-major. All three products are one sgemm
// each, using its transpose flags instead of copies.
import type { Engine } from "../engine.js";
import type { Tensor } from "../tensor.js";

export function linear(engine: Engine, x: Tensor, weight: Tensor, bias: Tensor): Tensor {
  const [inFeatures, N] = x.shape;
  const [out, wIn] = weight.shape;
  if (wIn !== inFeatures) throw new Error(`linear: input has ${inFeatures} features but the weight expects ${wIn}`);
  const y = engine.empty([N, out], x.requiresGrad || weight.requiresGrad || bias.requiresGrad);
  const kernels = engine.kernels;
  // y = xᵀ · Wᵀ
  kernels.sgemm(1, 1, N, out, inFeatures, 1, x.ptr, N, weight.ptr, inFeatures, 0, y.ptr, out);
  kernels.biasAddRows(y.ptr, N, out, bias.ptr);
  if (y.requiresGrad) {
    engine.record("linear", () => {
      if (y.grad === 0) return;
      // dx [in, N] += Wᵀ · dyᵀ
      if (x.requiresGrad) kernels.sgemm(1, 1, inFeatures, N, out, 1, weight.ptr, inFeatures, y.grad, out, 1, engine.gradOf(x), N);
      // dW [out, in] += dyᵀ · xᵀ
      if (weight.requiresGrad) kernels.sgemm(1, 1, out, inFeatures, N, 1, y.grad, out, x.ptr, N, 1, engine.gradOf(weight), inFeatures);
      if (bias.requiresGrad) kernels.sumRows(y.grad, N, out, engine.gradOf(bias));
    });
  }
  return y;
}
