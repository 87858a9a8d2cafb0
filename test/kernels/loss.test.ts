import { test } from "uvu";
import * as reference from "../../src/reference/loss.js";
import { check, randomLabels, testEachPrecision, type Op, type Precision } from "./check.js";

/** The mean loss over N rows of K logits (probs appended, not differentiated); the backward fills dlogits. */
function softmaxCrossEntropy(p: Precision, N: number, K: number, spread = 1): Op {
  const labels = randomLabels(N, K);
  return {
    inputs: { logits: p.random(N * K, spread) },
    differentiated: 1,
    reference: ({ logits }) => {
      const probs = p.zeros(N * K);
      return [reference.softmaxCrossEntropyForward(logits, labels, N, K, probs), ...probs];
    },
    forward: (s, at) => {
      const probs = s.alloc(N * K);
      const loss = s.kernels.softmaxCrossEntropyForward(at.logits, s.put(labels), N, K, probs);
      return [loss, ...s.read(probs, N * K)];
    },
    referenceBackward: ({ logits }, dy) => {
      const probs = p.zeros(N * K), dlogits = p.zeros(N * K);
      reference.softmaxCrossEntropyForward(logits, labels, N, K, probs);
      reference.softmaxCrossEntropyBackward(probs, labels, N, K, dy[0], dlogits);
      return { logits: dlogits };
    },
    backward: (s, at, dy, grads) => {
      const probs = s.alloc(N * K), labelsAt = s.put(labels);
      s.kernels.softmaxCrossEntropyForward(at.logits, labelsAt, N, K, probs);
      s.kernels.softmaxCrossEntropyBackward(probs, labelsAt, N, K, s.read(dy, 1)[0], grads.logits);
    },
  };
}

testEachPrecision("softmax cross-entropy (1 row of 1 class) matches the reference", (p) => check(p, softmaxCrossEntropy(p, 1, 1)));
testEachPrecision("softmax cross-entropy (5×10) matches the reference and finite differences", (p) => check(p, softmaxCrossEntropy(p, 5, 10)));
testEachPrecision("softmax cross-entropy stays finite for logits near ±80", (p) => check(p, softmaxCrossEntropy(p, 3, 7, 80), { f32: { rtol: 1e-4 } }));

test.run();
