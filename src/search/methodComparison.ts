// ParZC next to the zero-cost proxies on one set of architectures: every method's ranking metrics
// against the same truth, best Kendall τ first.
import { type RankingMetrics, rankingMetrics } from "../metrics/ranking.js";

export type MethodKind = "parzc" | "parzc-dagger" | "proxy";

export interface MethodScores {
  method: string;
  kind: MethodKind;
  /** One score per architecture, aligned with the truth. */
  scores: ArrayLike<number>;
}

export interface MethodResult extends RankingMetrics {
  method: string;
  kind: MethodKind;
}

export function compareMethods(methods: readonly MethodScores[], truth: ArrayLike<number>): MethodResult[] {
  const results = methods.map(({ method, kind, scores }) => ({ method, kind, ...rankingMetrics(scores, truth) }));
  // NaN τ (a constant score) sorts last.
  return results.sort((a, b) => (Number.isNaN(a.kendall) ? 1 : 0) - (Number.isNaN(b.kendall) ? 1 : 0) || b.kendall - a.kendall);
}
