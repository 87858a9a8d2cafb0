// A batch of architectures as engine tensors: their feature vectors [B, F] and, for models with the
// architecture encoder, their cells' one-hot ops [B·6, 5] and adjacency [B·6, 6].
import { CELL_TOKENS, OP_COUNT, cellInput } from "./cellGraph.js";
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
  if (!model.usesCells) return { features };
  const onehot = engine.empty([indices.length * CELL_TOKENS, OP_COUNT]);
  const adjacency = engine.empty([indices.length * CELL_TOKENS, CELL_TOKENS]);
  const ops = engine.view(onehot), adj = engine.view(adjacency);
  indices.forEach((index, row) => {
    const cell = cellInput(data.archs[index]);
    ops.set(cell.onehot, row * CELL_TOKENS * OP_COUNT);
    adj.set(cell.adjacency, row * CELL_TOKENS * CELL_TOKENS);
  });
  return { features, onehot, adjacency };
}
