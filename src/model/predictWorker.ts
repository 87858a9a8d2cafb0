// A piscina worker for parallel prediction: one shard of architectures in (plain data, features
// as one transferred Float32Array), their mean and std out. Each worker thread parses the model
// once per distinct model text and keeps it, with its own wasm instance.
import { move } from "piscina";
import { parseModel } from "./modelFile.js";
import { predict } from "./predict.js";
import type { Precision, Predictor } from "./predictor.js";

export interface PredictTask {
  /** The model file's text. */
  model: string;
  archs: string[];
  /** archs.length × inputSize values, row after row. */
  features: Float32Array;
  samples: number;
  seed: number;
  batchSize: number;
  precision: Precision;
}

let cached: { text: string; model: Promise<Predictor> } | undefined;

export default async function predictShard(task: PredictTask): Promise<Float64Array> {
  const key = `${task.precision}:${task.model}`;
  if (cached?.text !== key) cached = { text: key, model: parseModel(task.model, "model", { precision: task.precision }) };
  const model = await cached.model;
  const size = model.config.inputSize;
  const features = task.archs.map((_, i) => task.features.subarray(i * size, (i + 1) * size));
  const { mean, std } = predict(model, { archs: task.archs, features }, { samples: task.samples, seed: task.seed, batchSize: task.batchSize });
  // mean then std in one buffer, handed back without a copy.
  const out = new Float64Array(2 * task.archs.length);
  out.set(mean);
  out.set(std, task.archs.length);
  return move(out) as unknown as Float64Array;
}
