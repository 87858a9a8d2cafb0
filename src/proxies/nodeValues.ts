// Small helpers shared by the proxy files: per-node vectors from per-node statistics.
import type { NodeGradientStats } from "./context.js";

export function perNode(stats: readonly NodeGradientStats[], value: (node: NodeGradientStats) => number): Float64Array {
  return Float64Array.from(stats, value);
}

export function total(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum;
}
