// A model's ranking quality on proxy statistics against a benchmark column, over the architectures
// it was not trained on (their NB201 indices are in its provenance). Shared by `parzc eval` and
// ParZC.evaluate.
import { rankingMetrics, type RankingMetrics } from "../metrics/ranking.js";
import { predictParallel, type ParallelOptions } from "../model/predictParallel.js";
import type { Predictor } from "../model/predictor.js";
import { labelStats, type NodeStats } from "../model/statsDataset.js";
import type { Nb201Table } from "../spaces/nb201/table.js";
import { InputError } from "../util/errors.js";
import type { Warn } from "../util/warn.js";
import { encodeForModel } from "./inputs.js";
import { untrainedPositions } from "./untrained.js";

export interface EvaluationOptions extends ParallelOptions {
  /** Benchmark column to compare with, e.g. c10_test_200 (ParZC evaluates on test accuracy). */
  target: string;
  /** Also score the architectures the model was trained on. */
  includeTrain?: boolean;
  table: Nb201Table;
  /** Names the stats in messages. */
  source: string;
  warn: Warn;
}

export async function evaluateOnStats(model: Predictor, stats: NodeStats, options: EvaluationOptions): Promise<RankingMetrics> {
  const { target, table, source, warn } = options;
  const labelled = labelStats(encodeForModel(stats, model.encoding, source, warn), table, target);
  if (labelled.missingTargets > 0) warn(`${labelled.missingTargets} architecture(s) have no ${target} value and are left out.`);
  const keep = options.includeTrain ? labelled.archs.map((_, i) => i) : untrainedPositions(labelled.archs, model, table);
  if (keep.length < 2) throw new InputError(`${source} has ${keep.length} architecture(s) with ${target} outside the model's training set; evaluation needs at least 2.`);
  const prediction = await predictParallel(model, { archs: keep.map((i) => labelled.archs[i]), features: keep.map((i) => labelled.features[i]) }, options);
  return rankingMetrics(prediction.mean, keep.map((i) => labelled.targets[i]));
}
