// The plain-TS DiffKendall: the living spec of assembly/diffkendall.ts and its benchmark baseline.
// Exactly parzc-method.md §3.1: the sum over ordered pairs i ≠ j of tanh(αΔx/2)·tanh(αΔy/2),
// divided by n(n−1)/2 and negated, so L ∈ [−2, 2] and −L/2 tends to Kendall's τ as α grows.

/** L(x, y) for predictions x and targets y; 0 when n < 2. */
export function diffKendallReference(x: ArrayLike<number>, y: ArrayLike<number>, alpha = 0.5): number {
  const n = x.length;
  if (n < 2) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i !== j) sum += Math.tanh((alpha * (x[i] - x[j])) / 2) * Math.tanh((alpha * (y[i] - y[j])) / 2);
    }
  }
  return -sum / ((n * (n - 1)) / 2);
}

/** ∂L/∂x_i = −(α/C) Σ_{j≠i} (1 − tanh²(αΔx_ij/2))·tanh(αΔy_ij/2): pair (i, j) and (j, i) each give half. */
export function diffKendallReferenceGrad(x: ArrayLike<number>, y: ArrayLike<number>, alpha = 0.5): Float64Array {
  const n = x.length;
  const grad = new Float64Array(n);
  if (n < 2) return grad;
  const scale = -alpha / ((n * (n - 1)) / 2);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const tx = Math.tanh((alpha * (x[i] - x[j])) / 2);
      sum += (1 - tx * tx) * Math.tanh((alpha * (y[i] - y[j])) / 2);
    }
    grad[i] = scale * sum;
  }
  return grad;
}
