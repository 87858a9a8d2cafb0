// Softmax cross-entropy over N rows of K logits (row-major), labels i32[N]. The forward keeps
// the probabilities for the backward, which is then just (probs − onehot)/N. Rows are short
// (K = 10 or 100 classes), so this is scalar code in f64.

/**
 * Called by the engine's loss op: reads logits[N×K] and labels[N], writes probs[N×K] (softmax,
 * shifted by the row max for stability) and returns the mean cross-entropy.
 */
export function softmaxCrossEntropyForward(logits: usize, labels: usize, N: i32, K: i32, probs: usize): f64 {
  let loss: f64 = 0;
  for (let i = 0; i < N; i++) {
    const row = logits + (<usize>(i * K) << 2), out = probs + (<usize>(i * K) << 2);
    let top = load<f32>(row);
    for (let j = 1; j < K; j++) top = max(top, load<f32>(row + (<usize>j << 2)));
    let total: f64 = 0;
    for (let j = 0; j < K; j++) total += Math.exp(<f64>load<f32>(row + (<usize>j << 2)) - top);
    for (let j = 0; j < K; j++) {
      const o = <usize>j << 2;
      store<f32>(out + o, <f32>(Math.exp(<f64>load<f32>(row + o) - top) / total));
    }
    const label = load<i32>(labels + (<usize>i << 2));
    loss += Math.log(total) - (<f64>load<f32>(row + (<usize>label << 2)) - top);
  }
  return loss / N;
}

/** Called by the loss backward: reads probs[N×K] and labels[N], accumulates dlogits += dloss·(probs − onehot)/N. */
export function softmaxCrossEntropyBackward(probs: usize, labels: usize, N: i32, K: i32, dloss: f32, dlogits: usize): void {
  const s = dloss / <f32>N;
  for (let i = 0; i < N; i++) {
    const label = load<i32>(labels + (<usize>i << 2));
    for (let j = 0; j < K; j++) {
      const o = <usize>(i * K + j) << 2;
      const target: f32 = j == label ? 1 : 0;
      store<f32>(dlogits + o, load<f32>(dlogits + o) + s * (load<f32>(probs + o) - target));
    }
  }
}
