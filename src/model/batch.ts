// A batch of architectures as engine tensors: their feature vectors [B, F] and, for models with the
// architecture encoder, their cells' one-hot ops [B·T, ops] and adjacency [B·T, T], T tokens a cell
// (the model's config and its space agree on T and ops: ./model.ts checks).
import { cellGraphOf } from "./cellGraph.js";
import type { BatchTensors, ParzcModel } from "./model.js";
import { INPUT_CLAMP, type InputScale } from "./predictor.js";
import type { Runtime } from "./runtime.js";

export interface FeatureSource {
  archs: readonly string[];
  features: readonly Float32Array[];
}

export function batchTensors(rt: Runtime, model: ParzcModel, data: FeatureSource, indices: readonly number[], scale: InputScale | null = null): BatchTensors {
  const { engine } = rt;
  const size = model.config.inputSize;
  const features = engine.empty([indices.length, size]);
  const view = engine.view(features);
  indices.forEach((index, row) => {
    const f = data.features[index];
    if (f.length !== size) throw new Error(`batchTensors: ${data.archs[index]} has ${f.length} features, the model takes ${size}`);
    view.set(f, row * size);
    if (scale) {
      for (let j = scale.from; j < size; j++) {
        const z = (f[j] - scale.mean[j - scale.from]) / scale.std[j - scale.from];
        view[row * size + j] = Math.max(-INPUT_CLAMP, Math.min(INPUT_CLAMP, z));
      }
    }
  });
  const encoder = model.config.archEncoder;
  if (!encoder) return { features };
  const { tokens, ops: opCount } = encoder;
  const onehot = engine.empty([indices.length * tokens, opCount]);
  const adjacency = engine.empty([indices.length * tokens, tokens]);
  const ops = engine.view(onehot), adj = engine.view(adjacency);
  indices.forEach((index, row) => {
    const cell = cellGraphOf(model.space, data.archs[index]);
    ops.set(cell.onehot, row * tokens * opCount);
    adj.set(cell.adjacency, row * tokens * tokens);
  });
  return { features, onehot, adjacency };
}
