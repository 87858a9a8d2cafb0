// The best architectures of a prediction, by its mean (ties keep input order): what `parzc rank`
// prints and ParZC.rank returns.
import { topIndices } from "../metrics/topk.js";
import type { PredictedValue } from "../model/calibration.js";
import type { Prediction } from "../model/predict.js";

export interface RankedArch {
  /** 1 for the best. */
  rank: number;
  arch: string;
  /** The raw score (the mean over the K weight samples) and its std. */
  mean: number;
  std: number;
  /** The score through the model's calibration (absent without one). */
  predicted?: PredictedValue;
}

export function rankPrediction(archs: readonly string[], prediction: Prediction & { predicted?: PredictedValue[] | null }, top: number): RankedArch[] {
  return topIndices(prediction.mean, top).map((i, r) => ({
    rank: r + 1, arch: archs[i], mean: prediction.mean[i], std: prediction.std[i],
    ...(prediction.predicted ? { predicted: prediction.predicted[i] } : {}),
  }));
}
