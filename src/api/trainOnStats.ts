// Training on proxy statistics: encode them for their space, take each architecture's target from
// a column of the space's benchmark table, draw the training architectures (seeded), train, and
// record in the model where it came from. `parzc train` and ParZC.train are this function plus
// their own input and output.
import { splitDataset } from "../model/dataset.js";
import type { NodeStats } from "../model/features.js";
import { labelStats } from "../model/statsDataset.js";
import { train, type TrainOptions, type TrainResult } from "../model/train.js";
import type { AnySpace, BenchmarkTable } from "../spaces/index.js";
import type { Warn } from "../util/warn.js";
import { encodeForModel, warnMissingRows } from "./inputs.js";
import { modelConfig, specEncoding, type ModelSpec } from "./modelSpec.js";

type TrainingKnobs = "epochs" | "batchSize" | "lr" | "weightDecay" | "decoupledWeightDecay" | "loss" | "alpha" | "matmul" | "precision" | "onEpoch";

export interface StatsTrainingOptions extends Pick<TrainOptions, TrainingKnobs> {
  /** Benchmark column to learn (default: the space's training target, e.g. c10v_valid_200: ParZC trains on validation accuracy). */
  target?: string;
  /** Architectures drawn at random (seeded) to train on; every labelled one when left out. */
  trainSize?: number;
  /** Seeds the draw, the initial weights, the shuffles and the Bayesian noise. */
  seed?: number;
  config?: ModelSpec;
  /** The space of the architectures, and its benchmark table. */
  space: AnySpace;
  table: BenchmarkTable;
  /** Names the stats in messages. */
  source: string;
  warn: Warn;
}

export async function trainOnStats(stats: NodeStats, options: StatsTrainingOptions): Promise<TrainResult> {
  const { trainSize, seed = 0, space, table, source, warn } = options;
  const target = options.target ?? space.targets.train;
  const encoding = specEncoding(space, options.config);
  const labelled = labelStats(encodeForModel(stats, encoding, source, warn), table, target);
  warnMissingRows(labelled.missingRows, space, source, warn);
  if (labelled.missingTargets > 0) warn(`${labelled.missingTargets} architecture(s) have no ${target} value and are left out.`);
  const { train: trainSet, trainIndices } = trainSize === undefined
    ? { train: labelled, trainIndices: labelled.archs.map((_, i) => i) }
    : splitDataset(labelled, trainSize, seed);
  const config = modelConfig(space, encoding, options.config, trainSet.archs.length);
  const result = await train(config, trainSet, { ...options, space: space.name, encoding, seed, targetColumn: target });
  result.model.provenance = {
    ...result.model.provenance,
    target, seconds: Math.round(result.seconds * 10) / 10,
    // Table rows of the training architectures (NB201: their index): evaluation leaves them out.
    trainIndices: trainIndices.map((i) => table.rowOf(labelled.archs[i])),
    maskedFeatures: labelled.masked, createdAt: new Date().toISOString(), device: result.model.rt.matmul.device,
  };
  return result;
}
