// Zero-shot search: the architectures a ranker puts first, with their true accuracy where the
// benchmark has it, the best of them (what training the top N would find, ParZC's protocol) and
// the benchmark's best for comparison: the whole space's where the table holds every architecture
// (NB201), else the best of the rows it holds (NB101's labelled cells).
import { topIndices } from "../metrics/topk.js";
import { type Calibration, type PredictedValue, formatPredicted, predictedValue } from "../model/calibration.js";
import type { AnySpace, BenchmarkTable } from "../spaces/index.js";
import { InputError } from "../util/errors.js";

export interface SearchRow {
  rank: number;
  arch: string;
  /** The benchmark table's row (NB201: its index); null where the table does not hold it. */
  index: number | null;
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
  /** The best architecture of the benchmark table on the target column. */
  optimum: SpacePoint;
  /** What the optimum is over: the table's rows with a target value, of the space's architectures (equal: the space's own optimum). */
  optimumOver: { labelled: number; space: number };
}

/** Where the truth comes from: the space, its benchmark table and the target column. */
export interface SearchTruth {
  space: AnySpace;
  table: BenchmarkTable;
  target: string;
}

/** The table's best row on `target`, and how many rows hold a value (an input error when none does). */
export function spaceOptimum(table: BenchmarkTable, target: string): SpacePoint & { labelled: number } {
  const values = table.column(target);
  let index = -1;
  let labelled = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    labelled++;
    if (index < 0 || values[i] > values[index]) index = i;
  }
  if (index < 0) throw new InputError(`the benchmark table ${table.file} holds no ${target} value: pick a --target it holds, one of ${table.columnNames.join(", ")}.`);
  return { arch: table.archAt(index), index, accuracy: values[index], labelled };
}

/** The `top` best-scored of `archs` (architectures whose score is not finite are not ranked); a calibration adds each row's predicted value. */
export function zeroShotSearch(archs: readonly string[], scores: ArrayLike<number>, std: ArrayLike<number> | undefined, top: number, truth: SearchTruth, calibration: Calibration | null = null): SearchResult {
  const { space, table, target } = truth;
  const accuracies = table.column(target);
  const rankable = archs.flatMap((_, i) => (Number.isFinite(scores[i]) ? [i] : []));
  const order = topIndices(rankable.map((i) => scores[i]), top).map((k) => rankable[k]);
  const rows: SearchRow[] = order.map((i, r) => {
    const row = table.rowOf(archs[i]);
    const predicted = calibration ? { predicted: predictedValue(calibration, scores[i], std?.[i] ?? 0) } : {};
    return { rank: r + 1, arch: archs[i], index: row < 0 ? null : row, score: scores[i], ...(std ? { std: std[i] } : {}), ...predicted, accuracy: row < 0 ? NaN : accuracies[row] };
  });
  // A finite accuracy means the table holds the row.
  const best = rows.filter((row) => Number.isFinite(row.accuracy)).reduce<SearchRow | undefined>((a, row) => (a && a.accuracy >= row.accuracy ? a : row), undefined);
  const { labelled, ...optimum } = spaceOptimum(table, target);
  return {
    target, ranked: rankable.length, ...(calibration ? { calibration: { column: calibration.column, n: calibration.n } } : {}), rows,
    best: best ? { arch: best.arch, index: best.index!, accuracy: best.accuracy, rank: best.rank } : null,
    optimum, optimumOver: { labelled, space: space.size },
  };
}

/** True when the table holds a target value for every architecture of the space (NB201), so its optimum is the space's. */
const optimumIsTheSpaces = ({ optimumOver }: SearchResult) => optimumOver.labelled === optimumOver.space;

const count = (n: number) => n.toLocaleString("en-US");

/** The optimum in a line: the space's own, or the benchmark's, with what it is the best of. */
function optimumText(result: SearchResult): string {
  const { optimum, optimumOver, target } = result;
  const value = `${formatAccuracy(optimum.accuracy)} (index ${optimum.index})`;
  return optimumIsTheSpaces(result) ? `space optimum: ${value}`
    : `benchmark optimum: ${value}, the best of the ${count(optimumOver.labelled)} of ${count(optimumOver.space)} architectures with a ${target}`;
}

/** The report's sentence about the optimum. */
export function optimumSentence(result: SearchResult): string {
  const { optimum, optimumOver, target } = result;
  const value = `${formatAccuracy(optimum.accuracy)} (index ${optimum.index})`;
  return optimumIsTheSpaces(result) ? `the space's optimum over all ${count(optimumOver.space)} is ${value}`
    : `the benchmark's optimum, the best \`${target}\` of the ${count(optimumOver.labelled)} architectures it holds one for (of ${count(optimumOver.space)} in the space), is ${value}`;
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
    return `${String(row.rank).padStart(4)}  ${String(row.index ?? "-").padStart(5)}  ${score}  ${formatAccuracy(row.accuracy).padEnd(12)}  ${row.arch}`;
  });
  const { best, optimum } = result;
  const summary = best
    ? `best found: ${formatAccuracy(best.accuracy)} (rank ${best.rank}, index ${best.index}); ${optimumText(result)}; gap ${(optimum.accuracy - best.accuracy).toFixed(2)}`
    : `no ranked architecture has a ${result.target} value; ${optimumText(result)}`;
  return [head, ...lines, summary].join("\n") + "\n";
}

function formatAccuracy(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : "n/a";
}

/** Proxy scores span many orders of magnitude. */
function formatScore(value: number): string {
  return Math.abs(value) >= 1e5 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(4) : value.toFixed(4);
}
