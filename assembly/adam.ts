// One Adam step (Kingma & Ba 2015, Algorithm 1) over a flat parameter vector, in the arithmetic
// order of torch.optim.Adam (step = lr/(1 − β1^t), denom = sqrt(v)/sqrt(1 − β2^t) + eps).
// Weight decay is PyTorch Adam's L2 term added to the gradient, or, when decoupled ≠ 0, AdamW's
// p ← p·(1 − lr·wd) (Loshchilov & Hutter 2019). Generic over T = f32 | f64; name and name + F64.
import { at, lanes } from "./lanes";

/**
 * Called by the model's optimiser once per step: reads g[n]; updates p[n], m[n] (first moment)
 * and v[n] (second moment) in place. t is the 1-based step count.
 */
function adamStepOf<T>(p: usize, g: usize, m: usize, v: usize, n: i32, lr: T, beta1: T, beta2: T, eps: T, weightDecay: T, decoupled: i32, t: i32): void {
  const stepSize = <T>(<f64>lr / (1 - Math.pow(<f64>beta1, t)));
  const invRootBc2 = <T>(1 / Math.sqrt(1 - Math.pow(<f64>beta2, t)));
  const l2: T = decoupled ? 0 : weightDecay;
  const shrink: T = decoupled ? <T>1 - lr * weightDecay : 1;
  const b1 = v128.splat<T>(beta1), c1 = v128.splat<T>(1 - beta1);
  const b2 = v128.splat<T>(beta2), c2 = v128.splat<T>(1 - beta2);
  const l2V = v128.splat<T>(l2), shrinkV = v128.splat<T>(shrink);
  const stepV = v128.splat<T>(stepSize), rootV = v128.splat<T>(invRootBc2), epsV = v128.splat<T>(eps);
  let i = 0;
  for (; i + lanes<T>() <= n; i += lanes<T>()) {
    const o = at<T>(i);
    const pv = v128.load(p + o);
    const gv = v128.add<T>(v128.load(g + o), v128.mul<T>(l2V, pv));
    const mv = v128.add<T>(v128.mul<T>(b1, v128.load(m + o)), v128.mul<T>(c1, gv));
    const vv = v128.add<T>(v128.mul<T>(b2, v128.load(v + o)), v128.mul<T>(c2, v128.mul<T>(gv, gv)));
    const denom = v128.add<T>(v128.mul<T>(v128.sqrt<T>(vv), rootV), epsV);
    v128.store(m + o, mv);
    v128.store(v + o, vv);
    v128.store(p + o, v128.sub<T>(v128.mul<T>(pv, shrinkV), v128.mul<T>(stepV, v128.div<T>(mv, denom))));
  }
  for (; i < n; i++) {
    const o = at<T>(i);
    const pv = load<T>(p + o);
    const gv = load<T>(g + o) + l2 * pv;
    const mv = beta1 * load<T>(m + o) + (1 - beta1) * gv;
    const vv = beta2 * load<T>(v + o) + (1 - beta2) * gv * gv;
    const denom = <T>Math.sqrt(<f64>vv) * invRootBc2 + eps;
    store<T>(m + o, mv);
    store<T>(v + o, vv);
    store<T>(p + o, pv * shrink - stepSize * (mv / denom));
  }
}
export function adamStep(p: usize, g: usize, m: usize, v: usize, n: i32, lr: f32, beta1: f32, beta2: f32, eps: f32, weightDecay: f32, decoupled: i32, t: i32): void {
  adamStepOf<f32>(p, g, m, v, n, lr, beta1, beta2, eps, weightDecay, decoupled, t);
}
export function adamStepF64(p: usize, g: usize, m: usize, v: usize, n: i32, lr: f64, beta1: f64, beta2: f64, eps: f64, weightDecay: f64, decoupled: i32, t: i32): void {
  adamStepOf<f64>(p, g, m, v, n, lr, beta1, beta2, eps, weightDecay, decoupled, t);
}
