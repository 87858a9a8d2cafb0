// Softmax cross-entropy over N rows of K logits of T = f32 | f64 (row-major), labels i32[N]. The
// forward keeps the probabilities for the backward, which is then just (probs − onehot)/N. Rows
// are short (K = 10 or 100 classes), so this is scalar code in f64.
import { at } from "./lanes";

/**
 * Called by the engine's loss op: reads logits[N×K] and labels[N], writes probs[N×K] (softmax,
 * shifted by the row max for stability) and returns the mean cross-entropy.
 */
function softmaxCrossEntropyForwardOf<T>(logits: usize, labels: usize, N: i32, K: i32, probs: usize): f64 {
  let loss: f64 = 0;
  for (let i = 0; i < N; i++) {
    const row = logits + at<T>(i * K), out = probs + at<T>(i * K);
    let top = load<T>(row);
    for (let j = 1; j < K; j++) top = max(top, load<T>(row + at<T>(j)));
    let total: f64 = 0;
    for (let j = 0; j < K; j++) total += Math.exp(<f64>load<T>(row + at<T>(j)) - top);
    for (let j = 0; j < K; j++) {
      const o = at<T>(j);
      store<T>(out + o, <T>(Math.exp(<f64>load<T>(row + o) - top) / total));
    }
    const label = load<i32>(labels + (<usize>i << 2));
    loss += Math.log(total) - (<f64>load<T>(row + at<T>(label)) - top);
  }
  return loss / N;
}
export function softmaxCrossEntropyForward(logits: usize, labels: usize, N: i32, K: i32, probs: usize): f64 {
  return softmaxCrossEntropyForwardOf<f32>(logits, labels, N, K, probs);
}
export function softmaxCrossEntropyForwardF64(logits: usize, labels: usize, N: i32, K: i32, probs: usize): f64 {
  return softmaxCrossEntropyForwardOf<f64>(logits, labels, N, K, probs);
}

/** Called by the loss backward: reads probs[N×K] and labels[N], accumulates dlogits += dloss·(probs − onehot)/N. */
function softmaxCrossEntropyBackwardOf<T>(probs: usize, labels: usize, N: i32, K: i32, dloss: T, dlogits: usize): void {
  const s = dloss / <T>N;
  for (let i = 0; i < N; i++) {
    const label = load<i32>(labels + (<usize>i << 2));
    for (let j = 0; j < K; j++) {
      const o = at<T>(i * K + j);
      const target: T = j == label ? 1 : 0;
      store<T>(dlogits + o, load<T>(dlogits + o) + s * (load<T>(probs + o) - target));
    }
  }
}
export function softmaxCrossEntropyBackward(probs: usize, labels: usize, N: i32, K: i32, dloss: f32, dlogits: usize): void {
  softmaxCrossEntropyBackwardOf<f32>(probs, labels, N, K, dloss, dlogits);
}
export function softmaxCrossEntropyBackwardF64(probs: usize, labels: usize, N: i32, K: i32, dloss: f64, dlogits: usize): void {
  softmaxCrossEntropyBackwardOf<f64>(probs, labels, N, K, dloss, dlogits);
}
