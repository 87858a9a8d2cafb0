import type { Engine } from "../engine.js";
import type { Tensor } from "../tensor.js";

/** Elementwise sum of same-shaped tensors (a cell node summing its incoming edges). */
export function addAll(engine: Engine, terms: readonly Tensor[]): Tensor {
  if (terms.length === 0) throw new Error("addAll: needs at least one tensor");
  if (terms.length === 1) return terms[0];
  const size = terms[0].size;
  for (const t of terms) {
    if (t.size !== size) throw new Error(`addAll: shapes [${terms[0].shape}] and [${t.shape}] differ`);
  }
  const y = engine.empty(terms[0].shape, terms.some((t) => t.requiresGrad));
  const kernels = engine.kernels;
  kernels.add(terms[0].ptr, terms[1].ptr, size, y.ptr);
  for (let i = 2; i < terms.length; i++) kernels.accumulate(terms[i].ptr, size, y.ptr);
  if (y.requiresGrad) {
    engine.record("addAll", () => {
      if (y.grad === 0) return;
      for (const t of terms) if (t.requiresGrad) kernels.accumulate(y.grad, size, engine.gradOf(t));
    });
  }
  return y;
}
