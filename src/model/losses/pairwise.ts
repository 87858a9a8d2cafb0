// The losses beside DiffKendall (parzc-method.md §3.3): a pairwise logistic ranking loss, the mean
// over ordered pairs i ≠ j of log(1 + exp(−(p_i − p_j)·sign(y_i − y_j))) (PicoNAS pair_loss), and
// the mean squared error. Both are O(n) or O(n²) plain TS on a batch's few predictions; each
// computes its value and its gradient at once and replays the gradient scaled by the upstream one.
import type { Engine } from "../../engine/engine.js";
import type { Tensor } from "../../engine/tensor.js";
import type { Runtime } from "../runtime.js";

/** log(1 + e^v) without overflow. */
function logOnePlusExp(v: number): number {
  return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
}

export function pairwiseLogistic(p: ArrayLike<number>, y: ArrayLike<number>): { value: number; grad: Float64Array } {
  const n = p.length;
  const grad = new Float64Array(n);
  if (n < 2) return { value: 0, grad };
  const pairs = n * (n - 1);
  let value = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const sign = Math.sign(y[i] - y[j]);
      const margin = -(p[i] - p[j]) * sign;
      value += logOnePlusExp(margin);
      // d/dp_i log(1 + e^m) = σ(m)·(−sign), and the opposite for p_j.
      const slope = (-sign / (1 + Math.exp(-margin))) / pairs;
      grad[i] += slope;
      grad[j] -= slope;
    }
  }
  return { value: value / pairs, grad };
}

export function meanSquaredError(p: ArrayLike<number>, y: ArrayLike<number>): { value: number; grad: Float64Array } {
  const n = p.length;
  const grad = new Float64Array(n);
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = p[i] - y[i];
    value += d * d;
    grad[i] = (2 * d) / n;
  }
  return { value: n ? value / n : 0, grad };
}

/** A scalar loss tensor whose backward adds upstream·grad to the predictions' gradient. */
export function lossFromGradient(engine: Engine, name: string, predictions: Tensor, value: number, grad: Float64Array): Tensor {
  const loss = engine.fromArray([value], [1], predictions.requiresGrad);
  if (loss.requiresGrad) {
    engine.record(name, () => {
      if (loss.grad === 0) return;
      const upstream = engine.values(loss.grad, 1)[0];
      const dp = engine.values(engine.gradOf(predictions), grad.length);
      for (let i = 0; i < grad.length; i++) dp[i] += upstream * grad[i];
    });
  }
  return loss;
}

export function pairwiseLoss(rt: Runtime, predictions: Tensor, targets: ArrayLike<number>): Tensor {
  const { value, grad } = pairwiseLogistic(rt.engine.read(predictions), targets);
  return lossFromGradient(rt.engine, "pairwise", predictions, value, grad);
}

export function mseLoss(rt: Runtime, predictions: Tensor, targets: ArrayLike<number>): Tensor {
  const { value, grad } = meanSquaredError(rt.engine.read(predictions), targets);
  return lossFromGradient(rt.engine, "mse", predictions, value, grad);
}
