// Softmax cross-entropy with mean reduction, as torch.nn.CrossEntropyLoss().
import type { Engine } from "../engine.js";
import type { Tensor } from "../tensor.js";

export function crossEntropy(engine: Engine, logits: Tensor, labels: Int32Array): { loss: Tensor; value: number } {
  const [N, K] = logits.shape;
  if (labels.length !== N) throw new Error(`crossEntropy: ${labels.length} labels for a batch of ${N}`);
  for (let i = 0; i < N; i++) {
    if (labels[i] < 0 || labels[i] >= K) throw new Error(`crossEntropy: label ${labels[i]} at position ${i} is outside [0, ${K})`);
  }
  const labelsPtr = engine.arena.alloc(N * 4);
  engine.arena.i32(labelsPtr, N).set(labels);
  const probs = engine.empty([N, K]);
  const kernels = engine.kernels;
  const value = kernels.softmaxCrossEntropyForward(logits.ptr, labelsPtr, N, K, probs.ptr);
  const loss = engine.fromArray([value], [1], logits.requiresGrad);
  if (loss.requiresGrad) {
    engine.record("crossEntropy", () => {
      if (loss.grad === 0) return;
      const upstream = engine.values(loss.grad, 1)[0];
      kernels.softmaxCrossEntropyBackward(probs.ptr, labelsPtr, N, K, upstream, engine.gradOf(logits));
    });
  }
  return { loss, value };
}
