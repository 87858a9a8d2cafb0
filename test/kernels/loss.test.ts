import { test } from "uvu";
import * as reference from "../../src/reference/loss.js";
import { check, random, randomLabels, type Op } from "./check.js";

/** The mean loss over N rows of K logits (probs appended, not differentiated); the backward fills dlogits. */
function softmaxCrossEntropy(N: number, K: number, spread = 1): Op {
  const labels = randomLabels(N, K);
  return {
    inputs: { logits: random(N * K, spread) },
    differentiated: 1,
    reference: ({ logits }) => {
      const probs = new Float32Array(N * K);
      return [reference.softmaxCrossEntropyForward(logits, labels, N, K, probs), ...probs];
    },
    forward: (s, at) => {
      const probs = s.alloc(N * K);
      const loss = s.kernels.softmaxCrossEntropyForward(at.logits, s.put(labels), N, K, probs);
      return [loss, ...s.read(probs, N * K)];
    },
    referenceBackward: ({ logits }, dy) => {
      const probs = new Float32Array(N * K), dlogits = new Float32Array(N * K);
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

test("softmax cross-entropy (1 row of 1 class) matches the reference", () => check(softmaxCrossEntropy(1, 1)));
test("softmax cross-entropy (5×10) matches the reference and finite differences", () => check(softmaxCrossEntropy(5, 10)));
test("softmax cross-entropy stays finite for logits near ±80", () => check(softmaxCrossEntropy(3, 7, 80), { rtol: 1e-4 }));

test.run();
