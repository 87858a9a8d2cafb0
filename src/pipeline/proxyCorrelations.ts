// How well each proxy in a store ranks the architectures against a benchmark column: Kendall τ-b
// and Spearman ρ over the architectures where both the score and the target are finite. With a
// reference (published scores, referenceScores.ts), both are computed on the architectures the
// two have in common, so the numbers compare like for like.
import { kendallTau } from "../metrics/kendall.js";
import { finitePairs } from "../metrics/ranks.js";
import { spearman } from "../metrics/spearman.js";
import type { ReferenceScores } from "./referenceScores.js";
import type { StatsData } from "./statsData.js";

export interface Correlation {
  /** Architectures counted. */
  n: number;
  kendall: number;
  spearman: number;
}

export interface ProxyCorrelation extends Correlation {
  proxy: string;
  /** The reference's correlation on the same architectures; null where it has no such proxy. */
  reference?: Correlation | null;
}

function correlate(scores: ArrayLike<number>, targets: ArrayLike<number>): Correlation {
  const [x, y] = finitePairs(scores, targets);
  return { n: x.length, kendall: kendallTau(x, y), spearman: spearman(x, y) };
}

/** `target` holds one value per benchmark table row (a column); a record's row is `data.indices`. */
export function proxyCorrelations(data: StatsData, target: Float64Array, reference?: ReferenceScores): ProxyCorrelation[] {
  const rows = Array.from(data.indices.keys()).filter((row) => !reference || reference.scores.has(data.archs[row]));
  const targets = Float64Array.from(rows, (row) => target[data.indices[row]]);
  return data.settings.proxies.map((proxy) => {
    const ours = correlate(Float64Array.from(rows, (row) => data.scores[proxy][row]), targets);
    if (!reference) return { proxy, ...ours };
    if (!reference.proxies.has(proxy)) return { proxy, ...ours, reference: null };
    const theirs = Float64Array.from(rows, (row) => reference.scores.get(data.archs[row])![proxy] ?? NaN);
    return { proxy, ...ours, reference: correlate(theirs, targets) };
  });
}
