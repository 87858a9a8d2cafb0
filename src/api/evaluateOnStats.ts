// A model's ranking quality on proxy statistics against a column of its space's benchmark table,
// over the architectures it was not trained on (their table rows are in its provenance). Shared by
// `parzc eval` and ParZC.evaluate.
import { rankingMetrics, type RankingMetrics } from "../metrics/ranking.js";
import { predictParallel, type ParallelOptions } from "../model/predictParallel.js";
import type { NodeStats } from "../model/features.js";
import type { Predictor } from "../model/predictor.js";
import { labelStats } from "../model/statsDataset.js";
import type { BenchmarkTable } from "../spaces/index.js";
import { InputError } from "../util/errors.js";
import type { Warn } from "../util/warn.js";
import { encodeForModel, warnMissingRows } from "./inputs.js";
import { untrainedPositions } from "./untrained.js";

export interface EvaluationOptions extends ParallelOptions {
  /** Benchmark column to compare with (default: the model's space's evaluation target, e.g. c10_test_200: ParZC evaluates on test accuracy). */
  target?: string;
  /** Also score the architectures the model was trained on. */
  includeTrain?: boolean;
  /** The model's space's benchmark table. */
  table: BenchmarkTable;
  /** Names the stats in messages. */
  source: string;
  warn: Warn;
}

export async function evaluateOnStats(model: Predictor, stats: NodeStats, options: EvaluationOptions): Promise<RankingMetrics> {
  const { table, source, warn } = options;
  const { space } = model.net;
  const target = options.target ?? space.targets.evaluate;
  const labelled = labelStats(encodeForModel(stats, model.encoding, source, warn), table, target);
  warnMissingRows(labelled.missingRows, space, source, warn);
  if (labelled.missingTargets > 0) warn(`${labelled.missingTargets} architecture(s) have no ${target} value and are left out.`);
  const keep = options.includeTrain ? labelled.archs.map((_, i) => i) : untrainedPositions(labelled.archs, model, table);
  if (keep.length < 2) throw new InputError(`${source} has ${keep.length} architecture(s) with ${target} outside the model's training set; evaluation needs at least 2.`);
  const prediction = await predictParallel(model, { archs: keep.map((i) => labelled.archs[i]), features: keep.map((i) => labelled.features[i]) }, options);
  return rankingMetrics(prediction.mean, keep.map((i) => labelled.targets[i]));
}
