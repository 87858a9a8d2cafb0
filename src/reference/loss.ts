// Plain-TS reference for assembly/loss.ts: softmax cross-entropy over N rows of K logits.
import type { Floats } from "./floats.js";

/** Writes probs = softmax(logits) per row and returns the mean of −log probs[label]. */
export function softmaxCrossEntropyForward(logits: Floats, labels: Int32Array, N: number, K: number, probs: Floats): number {
  let loss = 0;
  for (let i = 0; i < N; i++) {
    const row = logits.subarray(i * K, (i + 1) * K);
    const top = Math.max(...row);
    let total = 0;
    for (const v of row) total += Math.exp(v - top);
    for (let j = 0; j < K; j++) probs[i * K + j] = Math.exp(row[j] - top) / total;
    loss += Math.log(total) - (row[labels[i]] - top);
  }
  return loss / N;
}

/** dlogits += dloss·(probs − onehot(labels))/N. */
export function softmaxCrossEntropyBackward(probs: Floats, labels: Int32Array, N: number, K: number, dloss: number, dlogits: Floats): void {
  for (let i = 0; i < N; i++)
    for (let j = 0; j < K; j++) dlogits[i * K + j] += dloss * (probs[i * K + j] - (j === labels[i] ? 1 : 0)) / N;
}
