// Dense layer on row-major rows: x [R, in], weight [out, in], optional bias [out] → y [R, out],
// as torch.nn.Linear. Each product is one GEMM on the runtime's matmul backend.
import type { Tensor } from "../../engine/tensor.js";
import type { Runtime } from "../runtime.js";

export function linearRows(rt: Runtime, x: Tensor, weight: Tensor, bias?: Tensor): Tensor {
  const { engine, kernels, matmul } = rt;
  const [rows, inFeatures] = x.shape;
  const [out, wIn] = weight.shape;
  if (x.shape.length !== 2 || wIn !== inFeatures) {
    throw new Error(`linearRows: input [${x.shape}] does not match weight [${weight.shape}]`);
  }
  const y = engine.empty([rows, out], x.requiresGrad || weight.requiresGrad || (bias?.requiresGrad ?? false));
  // y = x·Wᵀ
  matmul.gemm(engine, 0, 1, rows, out, inFeatures, 1, x.ptr, inFeatures, weight.ptr, inFeatures, 0, y.ptr, out);
  if (bias) kernels.biasAddRows(y.ptr, rows, out, bias.ptr);
  if (y.requiresGrad) {
    engine.record("linearRows", () => {
      if (y.grad === 0) return;
      // dx [R, in] += dy·W
      if (x.requiresGrad) matmul.gemm(engine, 0, 0, rows, inFeatures, out, 1, y.grad, out, weight.ptr, inFeatures, 1, engine.gradOf(x), inFeatures);
      // dW [out, in] += dyᵀ·x
      if (weight.requiresGrad) matmul.gemm(engine, 1, 0, out, inFeatures, rows, 1, y.grad, out, x.ptr, inFeatures, 1, engine.gradOf(weight), inFeatures);
      if (bias?.requiresGrad) kernels.sumRows(y.grad, rows, out, engine.gradOf(bias));
    });
  }
  return y;
}
