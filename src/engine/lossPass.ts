// The one "forward, cross-entropy, backward" sequence. Everything made during the pass
// (activations, gradients) is freed when `read` returns, so callers copy what they keep.
import type { Engine, PassObserver } from "./engine.js";
import { crossEntropy } from "./ops/crossEntropy.js";
import { fromBatchMajor } from "./ops/layout.js";
import type { Tensor } from "./tensor.js";

export interface Classifier {
  forward(engine: Engine, x: Tensor): Tensor;
}

export interface LabelledBatch {
  /** NCHW images. */
  x: Float32Array;
  shape: readonly [number, number, number, number];
  labels: Int32Array;
}

export interface PassResult {
  /** Channel-major input; its gradient is kept when `inputGradient` is set. */
  input: Tensor;
  logits: Tensor;
  loss: number;
}

export interface PassOptions {
  /** Keep d(loss)/d(input) (jacov, epe_nas). */
  inputGradient?: boolean;
  /** Watch the pass (node outputs, ReLU inputs). */
  observer?: PassObserver;
  /** Keep the tape, so `read` can clear the gradients and backprop again from another root. */
  keepTape?: boolean;
}

export function lossPass<T>(engine: Engine, net: Classifier, batch: LabelledBatch, read: (pass: PassResult) => T, { inputGradient = false, observer, keepTape = false }: PassOptions = {}): T {
  return engine.withPass(() => {
    engine.observer = observer;
    const input = fromBatchMajor(engine, batch.x, batch.shape, inputGradient);
    const logits = net.forward(engine, input);
    const { loss, value } = crossEntropy(engine, logits, batch.labels);
    engine.backward(loss, { keepTape });
    return read({ input, logits, loss: value });
  });
}
