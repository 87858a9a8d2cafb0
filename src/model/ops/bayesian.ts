// The reparameterised weight of a Bayesian layer (Blundell et al. 2015, "Weight Uncertainty in
// Neural Networks", §3.2; PicoNAS BayesianLinear): W = μ + softplus(ρ)·ε, with ε ~ N(0, I) given.
// ∂W/∂μ = 1 and ∂W/∂ρ = ε·sigmoid(ρ). Plain TS: the layers are small (the embedding and the head).
import type { Tensor } from "../../engine/tensor.js";
import type { Runtime } from "../runtime.js";

/** log(1 + e^ρ) without overflow; it tends to 0 as ρ → −∞. */
export function softplus(rho: number): number {
  return rho > 30 ? rho : Math.log1p(Math.exp(rho));
}

export function sigmoid(v: number): number {
  return 1 / (1 + Math.exp(-v));
}

export function reparameterise(rt: Runtime, mu: Tensor, rho: Tensor, eps: ArrayLike<number>): Tensor {
  const { engine } = rt;
  const n = mu.size;
  if (rho.size !== n || eps.length !== n) throw new Error(`reparameterise: μ has ${n} values, ρ ${rho.size}, ε ${eps.length}`);
  const w = engine.empty(mu.shape, mu.requiresGrad || rho.requiresGrad);
  const noise = engine.fromArray(eps, [n]);
  const wv = engine.view(w), muv = engine.view(mu), rhov = engine.view(rho);
  for (let i = 0; i < n; i++) wv[i] = muv[i] + softplus(rhov[i]) * eps[i];
  if (w.requiresGrad) {
    engine.record("reparameterise", () => {
      if (w.grad === 0) return;
      const dmuPtr = mu.requiresGrad ? engine.gradOf(mu) : 0;
      const drhoPtr = rho.requiresGrad ? engine.gradOf(rho) : 0;
      const dw = engine.values(w.grad, n);
      if (dmuPtr) {
        const dmu = engine.values(dmuPtr, n);
        for (let i = 0; i < n; i++) dmu[i] += dw[i];
      }
      if (drhoPtr) {
        const drho = engine.values(drhoPtr, n), rhoNow = engine.view(rho), e = engine.view(noise);
        for (let i = 0; i < n; i++) drho[i] += dw[i] * e[i] * sigmoid(rhoNow[i]);
      }
    });
  }
  return w;
}
