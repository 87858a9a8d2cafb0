// The best architectures of a prediction, by its mean (ties keep input order): what `parzc rank`
// prints and ParZC.rank returns.
import { topIndices } from "../metrics/topk.js";
import type { Prediction } from "../model/predict.js";

export interface RankedArch {
  /** 1 for the best. */
  rank: number;
  arch: string;
  mean: number;
  std: number;
}

export function rankPrediction(archs: readonly string[], prediction: Prediction, top: number): RankedArch[] {
  return topIndices(prediction.mean, top).map((i, r) => ({ rank: r + 1, arch: archs[i], mean: prediction.mean[i], std: prediction.std[i] }));
}
