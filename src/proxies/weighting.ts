// ParZC† (parzc-method.md §5): a training-free reweighting of a proxy's node contributions,
// score = Σ_i w_i · contribution_i, replacing the uniform sum. The authors' code used
// w_i = (sin(0.1·i) + 1)/2 (PicoNAS predictive.py @ e9c2668) and later (l − i)²/l² (HEAD);
// the linear ramps are the other options tried there.
import { InputError } from "../util/errors.js";
import type { ProxyDefinition } from "./types.js";

export const NODE_WEIGHTINGS = {
  sine: (i: number) => (Math.sin(0.1 * i) + 1) / 2,
  "quadratic-decreasing": (i: number, count: number) => ((count - i) / count) ** 2,
  "linear-increasing": (i: number, count: number) => (i + 1) / count,
  "linear-decreasing": (i: number, count: number) => (count - i) / count,
  uniform: () => 1,
} as const satisfies Record<string, (i: number, count: number) => number>;

export type NodeWeighting = keyof typeof NODE_WEIGHTINGS;

export function nodeWeights(count: number, weighting: NodeWeighting = "sine"): Float64Array {
  const weight = NODE_WEIGHTINGS[weighting];
  if (!weight) throw new InputError(`unknown node weighting "${weighting}": expected one of ${Object.keys(NODE_WEIGHTINGS).join(", ")}.`);
  return Float64Array.from({ length: count }, (_, i) => weight(i, count));
}

/**
 * The weighted score of one proxy. `sizes` are the node weights' element counts, needed
 * where the node value is a mean (the contribution is then node · size). Non-finite nodes add nothing.
 */
export function weightedScore(proxy: ProxyDefinition, nodes: ArrayLike<number>, sizes: ArrayLike<number>, weighting: NodeWeighting = "sine"): number {
  if (proxy.reduction === "none") throw new InputError(`proxy "${proxy.name}" has no node-wise form, so ParZC† cannot reweight it.`);
  const weights = nodeWeights(nodes.length, weighting);
  let score = 0;
  for (let i = 0; i < nodes.length; i++) {
    if (!Number.isFinite(nodes[i])) continue;
    score += weights[i] * (proxy.reduction === "size-weighted" ? nodes[i] * sizes[i] : nodes[i]);
  }
  return score;
}
