// Training on proxy statistics: encode them, take each architecture's target from a benchmark
// column, draw the training architectures (seeded), train, and record in the model where it came
// from. `parzc train` and ParZC.train are this function plus their own input and output.
import { splitDataset } from "../model/dataset.js";
import { labelStats, type NodeStats } from "../model/statsDataset.js";
import { train, type TrainOptions, type TrainResult } from "../model/train.js";
import type { Nb201Table } from "../spaces/nb201/table.js";
import type { Warn } from "../util/warn.js";
import { encodeForModel } from "./inputs.js";
import { modelSetup, specEncoding, type ModelSpec } from "./modelSpec.js";

type TrainingKnobs = "epochs" | "batchSize" | "lr" | "weightDecay" | "decoupledWeightDecay" | "loss" | "alpha" | "matmul" | "precision" | "onEpoch";

export interface StatsTrainingOptions extends Pick<TrainOptions, TrainingKnobs> {
  /** Benchmark column to learn, e.g. c10v_valid_200 (ParZC trains on validation accuracy). */
  target: string;
  /** Architectures drawn at random (seeded) to train on; every labelled one when left out. */
  trainSize?: number;
  /** Seeds the draw, the initial weights, the shuffles and the Bayesian noise. */
  seed?: number;
  config?: ModelSpec;
  table: Nb201Table;
  /** Names the stats in messages. */
  source: string;
  warn: Warn;
}

export async function trainOnStats(stats: NodeStats, options: StatsTrainingOptions): Promise<TrainResult> {
  const { target, trainSize, seed = 0, table, source, warn } = options;
  const labelled = labelStats(encodeForModel(stats, specEncoding(options.config), source, warn), table, target);
  if (labelled.missingTargets > 0) warn(`${labelled.missingTargets} architecture(s) have no ${target} value and are left out.`);
  const { train: trainSet, trainIndices } = trainSize === undefined
    ? { train: labelled, trainIndices: labelled.archs.map((_, i) => i) }
    : splitDataset(labelled, trainSize, seed);
  const { config, encoding } = modelSetup(options.config, trainSet.archs.length);
  const result = await train(config, trainSet, { ...options, encoding, seed, targetColumn: target });
  result.model.provenance = {
    ...result.model.provenance,
    target, seconds: Math.round(result.seconds * 10) / 10,
    // NB201 indices of the training architectures: evaluation leaves them out.
    trainIndices: trainIndices.map((i) => table.indexOf(labelled.archs[i])),
    maskedFeatures: labelled.masked, createdAt: new Date().toISOString(), device: result.model.rt.matmul.device,
  };
  return result;
}
