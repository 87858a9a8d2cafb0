// Zero-shot search: the architectures a ranker puts first, with their true accuracy where the
// benchmark has it, the best of them (what training the top N would find, ParZC's protocol) and
// the best architecture of the whole space for comparison.
import { topIndices } from "../metrics/topk.js";
import { type Calibration, type PredictedValue, formatPredicted, predictedValue } from "../model/calibration.js";
import type { Nb201Table } from "../spaces/nb201/table.js";

export interface SearchRow {
  rank: number;
  arch: string;
  /** NB201 index. */
  index: number;
  /** The ranker's score (ParZC: the mean over K weight samples). */
  score: number;
  /** ParZC's std over the K samples; absent for a proxy. */
  std?: number;
  /** The score and std through the model's calibration (a model with one). */
  predicted?: PredictedValue;
  /** The benchmark's value of the target column. */
  accuracy: number;
}

export interface SpacePoint {
  arch: string;
  index: number;
  accuracy: number;
}

export interface SearchResult {
  target: string;
  /** Architectures ranked (those with a finite score). */
  ranked: number;
  /** What the rows' `predicted` values are: the column, and the training architectures the calibration was fitted on. */
  calibration?: { column: string; n: number };
  rows: SearchRow[];
  /** The best true accuracy among the rows, and its rank. */
  best: (SpacePoint & { rank: number }) | null;
  /** The space's best architecture on the target column (all 15,625). */
  optimum: SpacePoint;
}

export function spaceOptimum(table: Nb201Table, target: string): SpacePoint {
  const values = table.column(target);
  let index = -1;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && (index < 0 || values[i] > values[index])) index = i;
  return { arch: table.archAt(index), index, accuracy: values[index] };
}

/** The `top` best-scored of `archs` (architectures whose score is not finite are not ranked); a calibration adds each row's predicted value. */
export function zeroShotSearch(archs: readonly string[], scores: ArrayLike<number>, std: ArrayLike<number> | undefined, top: number, table: Nb201Table, target: string, calibration: Calibration | null = null): SearchResult {
  const accuracies = table.column(target);
  const rankable = archs.flatMap((_, i) => (Number.isFinite(scores[i]) ? [i] : []));
  const order = topIndices(rankable.map((i) => scores[i]), top).map((k) => rankable[k]);
  const rows: SearchRow[] = order.map((i, r) => {
    const index = table.indexOf(archs[i]);
    const predicted = calibration ? { predicted: predictedValue(calibration, scores[i], std?.[i] ?? 0) } : {};
    return { rank: r + 1, arch: archs[i], index, score: scores[i], ...(std ? { std: std[i] } : {}), ...predicted, accuracy: accuracies[index] };
  });
  const best = rows.filter((row) => Number.isFinite(row.accuracy)).reduce<SearchRow | undefined>((a, row) => (a && a.accuracy >= row.accuracy ? a : row), undefined);
  return {
    target, ranked: rankable.length, ...(calibration ? { calibration: { column: calibration.column, n: calibration.n } } : {}), rows,
    best: best ? { arch: best.arch, index: best.index, accuracy: best.accuracy, rank: best.rank } : null,
    optimum: spaceOptimum(table, target),
  };
}

/** The rows as a fixed-width text table (the predicted value where calibrated), then the best found against the optimum. */
export function formatSearch(result: SearchResult, scoreName: string): string {
  const withStd = result.rows.some((row) => row.std !== undefined);
  const scoreHead = result.calibration ? `predicted ${result.calibration.column} (%) ± std` : withStd ? `${scoreName} ± std` : scoreName;
  const width = Math.max(scoreHead.length, withStd ? 19 : 12);
  const head = `rank  index  ${scoreHead.padEnd(width)}  ${result.target.padEnd(12)}  arch`;
  const lines = result.rows.map((row) => {
    const score = row.predicted ? formatPredicted(row.predicted).padStart(scoreHead.length).padEnd(width)
      : withStd ? `${row.score.toFixed(4)} ± ${(row.std ?? NaN).toFixed(4)}`.padEnd(width) : formatScore(row.score).padEnd(width);
    return `${String(row.rank).padStart(4)}  ${String(row.index).padStart(5)}  ${score}  ${formatAccuracy(row.accuracy).padEnd(12)}  ${row.arch}`;
  });
  const { best, optimum } = result;
  const summary = best
    ? `best found: ${formatAccuracy(best.accuracy)} (rank ${best.rank}, index ${best.index}); space optimum: ${formatAccuracy(optimum.accuracy)} (index ${optimum.index}); gap ${(optimum.accuracy - best.accuracy).toFixed(2)}`
    : `no ranked architecture has a ${result.target} value; space optimum: ${formatAccuracy(optimum.accuracy)} (index ${optimum.index})`;
  return [head, ...lines, summary].join("\n") + "\n";
}

function formatAccuracy(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : "n/a";
}

/** Proxy scores span many orders of magnitude. */
function formatScore(value: number): string {
  return Math.abs(value) >= 1e5 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(4) : value.toFixed(4);
}
