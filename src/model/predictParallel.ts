// predict() over several worker threads (piscina): the architectures are cut into contiguous
// chunks (a few per thread, so progress can be reported) and every chunk draws the same K weight
// samples (the same seed), so the result equals a single-threaded predict() exactly, only sooner.
import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { FeatureSource } from "./batch.js";
import { modelDocument } from "./modelFile.js";
import { predict, type PredictOptions, type Prediction } from "./predict.js";
import { sanitizeFeatures } from "./features.js";
import type { Predictor } from "./predictor.js";
import type { PredictTask } from "./predictWorker.js";

const workerFile = () => fileURLToPath(new URL(`./predictWorker${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

export interface ParallelOptions extends PredictOptions {
  /** Worker threads (default: the cores); 1 predicts on this thread. */
  workers?: number;
  /** Called with the architectures predicted so far as chunks finish. */
  onProgress?: (done: number, total: number) => void;
}

const CHUNKS_PER_THREAD = 8;
const MIN_CHUNK = 256;

export async function predictParallel(model: Predictor, data: FeatureSource, options: ParallelOptions = {}): Promise<Prediction> {
  const { workers = availableParallelism(), samples = 8, seed = 0, batchSize = 512, onProgress } = options;
  const n = data.archs.length;
  const threads = Math.max(1, Math.min(workers, Math.floor(n / 64)));
  if (threads <= 1) {
    const prediction = predict(model, data, { samples, seed, batchSize });
    onProgress?.(n, n);
    return prediction;
  }
  const { features, masked } = sanitizeFeatures(data.features);
  const text = JSON.stringify(modelDocument(model));
  const size = model.config.inputSize;
  const precision = model.rt.engine.elementBytes === 8 ? "f64" : "f32";
  const pool = new Piscina<PredictTask, Float64Array>({ filename: workerFile(), minThreads: threads, maxThreads: threads });
  try {
    const chunks = Math.max(threads, Math.min(threads * CHUNKS_PER_THREAD, Math.ceil(n / MIN_CHUNK)));
    const shards = Array.from({ length: chunks }, (_, c) => [Math.floor((c * n) / chunks), Math.floor(((c + 1) * n) / chunks)]);
    let done = 0;
    const results = await Promise.all(shards.map(async ([start, end]) => {
      const flat = new Float32Array((end - start) * size);
      for (let i = start; i < end; i++) flat.set(features[i], (i - start) * size);
      const task: PredictTask = { model: text, archs: data.archs.slice(start, end) as string[], features: flat, samples, seed, batchSize, precision };
      const result = await pool.run(task, { transferList: [flat.buffer] });
      onProgress?.((done += end - start), n);
      return result;
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
