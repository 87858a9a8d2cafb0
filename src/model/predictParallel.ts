// predict() over several worker threads (piscina): the architectures are cut into one contiguous
// shard per thread and every thread draws the same K weight samples (the same seed), so the result
// equals a single-threaded predict() exactly, only sooner.
import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { FeatureSource } from "./batch.js";
import { modelDocument } from "./modelFile.js";
import { predict, type PredictOptions, type Prediction } from "./predict.js";
import { sanitizeFeatures } from "./dataset.js";
import type { Predictor } from "./predictor.js";
import type { PredictTask } from "./predictWorker.js";

const workerFile = () => fileURLToPath(new URL(`./predictWorker${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

export interface ParallelOptions extends PredictOptions {
  /** Worker threads (default: the cores); 1 predicts on this thread. */
  workers?: number;
}

export async function predictParallel(model: Predictor, data: FeatureSource, options: ParallelOptions = {}): Promise<Prediction> {
  const { workers = availableParallelism(), samples = 8, seed = 0, batchSize = 512 } = options;
  const n = data.archs.length;
  const threads = Math.max(1, Math.min(workers, Math.floor(n / 64)));
  if (threads <= 1) return predict(model, data, { samples, seed, batchSize });
  const { features, masked } = sanitizeFeatures(data.features);
  const text = JSON.stringify(modelDocument(model));
  const size = model.config.inputSize;
  const precision = model.rt.engine.elementBytes === 8 ? "f64" : "f32";
  const pool = new Piscina<PredictTask, Float64Array>({ filename: workerFile(), minThreads: threads, maxThreads: threads });
  try {
    const shards = Array.from({ length: threads }, (_, t) => [Math.floor((t * n) / threads), Math.floor(((t + 1) * n) / threads)]);
    const results = await Promise.all(shards.map(([start, end]) => {
      const flat = new Float32Array((end - start) * size);
      for (let i = start; i < end; i++) flat.set(features[i], (i - start) * size);
      const task: PredictTask = { model: text, archs: data.archs.slice(start, end) as string[], features: flat, samples, seed, batchSize, precision };
      return pool.run(task, { transferList: [flat.buffer] });
    }));
    const mean = new Float64Array(n), std = new Float64Array(n);
    shards.forEach(([start, end], t) => {
      mean.set(results[t].subarray(0, end - start), start);
      std.set(results[t].subarray(end - start), start);
    });
    return { mean, std, samples: model.net.bayesianLayers.length > 0 ? samples : 1, masked };
  } finally {
    await pool.destroy();
  }
}
