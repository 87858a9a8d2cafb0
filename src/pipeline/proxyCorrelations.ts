// How well each proxy in a store ranks the architectures against a benchmark column: Kendall τ-b
// and Spearman ρ over the architectures where both the score and the target are finite.
import { kendallTau } from "../metrics/kendall.js";
import { finitePairs } from "../metrics/ranks.js";
import { spearman } from "../metrics/spearman.js";
import type { StatsData } from "./statsData.js";

export interface ProxyCorrelation {
  proxy: string;
  /** Architectures counted. */
  n: number;
  kendall: number;
  spearman: number;
}

/** `target` holds one value per NB201 index (a benchmark table column). */
export function proxyCorrelations(data: StatsData, target: Float64Array): ProxyCorrelation[] {
  const targets = Float64Array.from(data.indices, (index) => target[index]);
  return data.settings.proxies.map((proxy) => {
    const [scores, accuracies] = finitePairs(data.scores[proxy], targets);
    return { proxy, n: scores.length, kendall: kendallTau(scores, accuracies), spearman: spearman(scores, accuracies) };
  });
}
