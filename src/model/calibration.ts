// From ParZC's score to a predicted accuracy: a monotone (isotonic) map fitted by pool-adjacent-
// violators (Ayer et al., 1955; scikit-learn's IsotonicRegression) at training time, on the training
// architectures' predicted means against their training target. Rank losses (DiffKendall) leave the
// score's scale arbitrary; a monotone map keeps every ranking and puts the numbers in the target's
// units. Between knots it interpolates linearly; outside the training predictions it cannot
// extrapolate, so it clips, and the value is then a bound (≥ the top level, ≤ the bottom one).
//
// The std goes through the same map as half the width of calibrate(mean + std) − calibrate(mean − std):
// the map is flat within each pooled block and steep between blocks, so its local slope at the
// mean is often 0 or a jump, while the half-width averages it over the ±1 std interval the std
// describes (and equals slope × std wherever the map is linear across that interval).
import { InputError } from "../util/errors.js";

export interface Calibration {
  /** The benchmark column it predicts (the training target), e.g. c10v_valid_200. */
  column: string;
  /** Knots: model scores, strictly increasing, and the calibrated value at each, non-decreasing. */
  x: number[];
  y: number[];
  /** Training architectures it was fitted on. */
  n: number;
}

export interface PredictedValue {
  /** In the calibration column's units (%). */
  value: number;
  std: number;
  /** Set when the score lies outside the training predictions: the value is then a bound. */
  clipped?: "above" | "below";
}

/**
 * Pool-adjacent-violators: the non-decreasing step function closest to y in least squares, as
 * knots (each pooled block's first and last x at the block's mean y). Equal x are pooled first.
 */
export function isotonicKnots(x: ArrayLike<number>, y: ArrayLike<number>): { x: number[]; y: number[] } {
  if (x.length !== y.length || x.length === 0) throw new Error(`isotonicKnots: needs as many x as y, at least one (got ${x.length} and ${y.length})`);
  const order = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const blocks: { from: number; to: number; sum: number; weight: number }[] = [];
  for (const i of order) {
    const last = blocks.at(-1);
    if (last && last.to === x[i]) {
      last.sum += y[i];
      last.weight++;
    } else blocks.push({ from: x[i], to: x[i], sum: y[i], weight: 1 });
    // Merge backwards while a block's mean falls below its predecessor's.
    while (blocks.length > 1 && blocks.at(-2)!.sum / blocks.at(-2)!.weight >= blocks.at(-1)!.sum / blocks.at(-1)!.weight) {
      const top = blocks.pop()!;
      const below = blocks.at(-1)!;
      below.to = top.to;
      below.sum += top.sum;
      below.weight += top.weight;
    }
  }
  const knots = { x: [] as number[], y: [] as number[] };
  for (const { from, to, sum, weight } of blocks) {
    for (const at of from === to ? [from] : [from, to]) {
      knots.x.push(at);
      knots.y.push(sum / weight);
    }
  }
  return knots;
}

export function fitCalibration(column: string, scores: ArrayLike<number>, targets: ArrayLike<number>): Calibration {
  return { column, ...isotonicKnots(scores, targets), n: scores.length };
}

/** The calibrated value at a score: linear between knots, clipped outside them. */
export function calibrate(calibration: Calibration, score: number): number {
  const { x, y } = calibration;
  if (!(score > x[0])) return Number.isNaN(score) ? NaN : y[0];
  if (score >= x[x.length - 1]) return y[y.length - 1];
  let low = 0, high = x.length - 1; // x[low] < score < x[high]
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (x[mid] <= score) low = mid;
    else high = mid;
  }
  return y[low] + ((score - x[low]) / (x[high] - x[low])) * (y[high] - y[low]);
}

export function predictedValue(calibration: Calibration, mean: number, std: number): PredictedValue {
  const value = calibrate(calibration, mean);
  const spread = (calibrate(calibration, mean + std) - calibrate(calibration, mean - std)) / 2;
  const { x } = calibration;
  const clipped = mean > x[x.length - 1] ? "above" : mean < x[0] ? "below" : undefined;
  return { value, std: spread, ...(clipped ? { clipped } : {}) };
}

/** Every prediction through the calibration (none without one: an old model file). */
export function predictedValues(calibration: Calibration | null, mean: ArrayLike<number>, std: ArrayLike<number>): PredictedValue[] | null {
  return calibration ? Array.from(mean, (m, i) => predictedValue(calibration, m, std[i])) : null;
}

/** "93.12 ± 0.21", with ≥ / ≤ where the score lies beyond every training prediction. */
export function formatPredicted({ value, std, clipped }: PredictedValue, digits = 2): string {
  const mark = clipped === "above" ? "≥" : clipped === "below" ? "≤" : "";
  return `${mark}${value.toFixed(digits)} ± ${std.toFixed(digits)}`;
}

/** A model file's "calibration" field, checked; `source` names the file in messages. */
export function parseCalibration(value: unknown, source: string): Calibration {
  const c = value as Partial<Calibration> | null;
  const numbers = (v: unknown): v is number[] => Array.isArray(v) && v.length > 0 && v.every((n) => typeof n === "number" && Number.isFinite(n));
  const ok = typeof c === "object" && c !== null && typeof c.column === "string" && numbers(c.x) && numbers(c.y) && c.x.length === c.y.length &&
    c.x.every((v, i) => i === 0 || v > c.x![i - 1]) && c.y.every((v, i) => i === 0 || v >= c.y![i - 1]) && Number.isInteger(c.n) && c.n! > 0;
  if (!ok) {
    throw new InputError(`${source}: "calibration" must hold the column name, knots x (finite, strictly increasing) and y (finite, non-decreasing) of one length, and the training count n; retrain the model with \`parzc train\`, or delete the field to show raw scores.`);
  }
  return { column: c.column!, x: [...c.x!], y: [...c.y!], n: c.n! };
}

/** One line for people under a table of predictions: what the numbers are. */
export function calibrationNote(calibration: Calibration | null): string {
  if (!calibration) {
    return "note: this model file has no calibration (it was written before parzc stored one), so these are ParZC's raw scores: only their order means something (unless it was trained with an MSE term). Retrain with `parzc train` to get predicted accuracies.";
  }
  return `predicted ${calibration.column}: ParZC's score through a monotone (isotonic) calibration fitted on its ${calibration.n} training architectures; ± is the std of the weight samples mapped the same way; ≥ / ≤ mark scores beyond every training prediction, where the value is a bound.`;
}
