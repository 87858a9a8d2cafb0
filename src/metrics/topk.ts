// Top-k metrics for ranking a search space: how many of the truly best k% the predictor also puts
// in its top k% (precision@top-k), and the best true accuracy among the predictor's top N, which is
// what a search that trains its top N candidates would find (ParZC's search protocol, N = 10).
import { finitePairs } from "./ranks.js";

/** Indices of the `count` largest values, largest first; ties keep index order. */
export function topIndices(values: ArrayLike<number>, count: number): number[] {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
  return order.slice(0, Math.max(0, Math.min(count, order.length)));
}

/** |top-k by prediction ∩ top-k by truth| / k, with k = max(1, round(n·fraction)), over finite pairs. */
export function precisionAtTop(predicted: ArrayLike<number>, truth: ArrayLike<number>, fraction = 0.05): number {
  const [p, t] = finitePairs(predicted, truth);
  if (p.length === 0) return NaN;
  const k = Math.max(1, Math.round(p.length * fraction));
  const best = new Set(topIndices(t, k));
  return topIndices(p, k).filter((i) => best.has(i)).length / k;
}

/** The largest true value among the `count` best-predicted entries, over finite pairs. */
export function bestAmongTop(predicted: ArrayLike<number>, truth: ArrayLike<number>, count = 10): number {
  const [p, t] = finitePairs(predicted, truth);
  if (p.length === 0) return NaN;
  return Math.max(...topIndices(p, count).map((i) => t[i]));
}
