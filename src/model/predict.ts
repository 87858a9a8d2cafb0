// Prediction with uncertainty: the Bayesian layers' weights are sampled K times (each sample one
// draw of ε for every layer, used for every architecture, so each sample is one consistent
// ranker), and each architecture gets the mean and standard deviation of its K scores, in target
// units. Ranking uses the mean. Deterministic models give std 0 from a single pass.
import { Random } from "../util/random.js";
import { batchTensors, type FeatureSource } from "./batch.js";
import { sanitizeFeatures } from "./features.js";
import type { Predictor } from "./predictor.js";

export interface PredictOptions {
  /** Weight samples K (default 8). */
  samples?: number;
  /** Architectures per forward pass. */
  batchSize?: number;
  /** Seeds ε, so predictions are reproducible. */
  seed?: number;
}

export interface Prediction {
  mean: Float64Array;
  /** Sample standard deviation over the K draws (0 for deterministic models). */
  std: Float64Array;
  samples: number;
  /** Feature values that were NaN/±Inf and were read as 0. */
  masked: number;
}

/** Raw model outputs (standardised units) for every architecture with the current ε. */
function forwardAll(model: Predictor, data: FeatureSource, batchSize: number): Float64Array {
  const { rt, net } = model;
  const n = data.archs.length;
  const out = new Float64Array(n);
  model.net.params.detachGradients();
  for (let start = 0; start < n; start += batchSize) {
    const indices = Array.from({ length: Math.min(batchSize, n - start) }, (_, i) => start + i);
    rt.engine.withPass(() => {
      const scores = rt.engine.read(net.forward(rt, batchTensors(rt, net, data, indices, model.inputScale)));
      out.set(scores, start);
    });
  }
  return out;
}

export function predict(model: Predictor, data: FeatureSource, { samples = 8, batchSize = 512, seed = 0 }: PredictOptions = {}): Prediction {
  if (!Number.isInteger(samples) || samples < 1) throw new Error(`predict: samples must be a positive integer, got ${samples}`);
  const { features, masked } = sanitizeFeatures(data.features);
  const source = { archs: data.archs, features };
  const n = data.archs.length;
  const random = new Random(seed);
  const draws = model.net.bayesianLayers.length > 0 ? samples : 1;
  const sum = new Float64Array(n), sumSquares = new Float64Array(n);
  const runs: Float64Array[] = [];
  for (let k = 0; k < draws; k++) {
    model.net.resample(random);
    const scores = forwardAll(model, source, batchSize);
    runs.push(scores);
    for (let i = 0; i < n; i++) sum[i] += scores[i];
  }
  const { mean: shift, std: scale } = model.targetScale;
  const mean = new Float64Array(n), std = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = sum[i] / draws;
    for (const run of runs) sumSquares[i] += (run[i] - m) ** 2;
    mean[i] = m * scale + shift;
    std[i] = draws > 1 ? Math.sqrt(sumSquares[i] / (draws - 1)) * Math.abs(scale) : 0;
  }
  return { mean, std, samples: draws, masked };
}
