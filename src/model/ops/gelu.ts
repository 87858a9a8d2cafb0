// GELU, tanh form (assembly/gelu.ts), elementwise on any shape. When a backward will follow, the
// forward keeps the gate σ(2u) so the backward needs no exp.
import type { Tensor } from "../../engine/tensor.js";
import type { Runtime } from "../runtime.js";

export function gelu(rt: Runtime, x: Tensor): Tensor {
  const { engine, kernels } = rt;
  const y = engine.empty(x.shape, x.requiresGrad);
  const gate = y.requiresGrad && engine.recording ? engine.empty(x.shape) : undefined;
  kernels.geluForward(x.ptr, x.size, y.ptr, gate?.ptr ?? 0);
  if (gate) {
    engine.record("gelu", () => {
      if (y.grad !== 0) kernels.geluBackward(x.ptr, gate.ptr, y.grad, x.size, engine.gradOf(x));
    });
  }
  return y;
}
