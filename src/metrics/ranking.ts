// The evaluation ParZC reports over a test set: Kendall τ-b, Spearman ρ, precision@top-5% and the
// best true accuracy among the predicted top 10, on the pairs where both values are finite.
import { kendallTau } from "./kendall.js";
import { finitePairs } from "./ranks.js";
import { spearman } from "./spearman.js";
import { bestAmongTop, precisionAtTop } from "./topk.js";

export interface RankingMetrics {
  kendall: number;
  spearman: number;
  precisionTop5: number;
  bestTop10: number;
  n: number;
}

export function rankingMetrics(predicted: ArrayLike<number>, truth: ArrayLike<number>): RankingMetrics {
  return {
    kendall: kendallTau(predicted, truth),
    spearman: spearman(predicted, truth),
    precisionTop5: precisionAtTop(predicted, truth, 0.05),
    bestTop10: bestAmongTop(predicted, truth, 10),
    n: finitePairs(predicted, truth)[0].length,
  };
}
