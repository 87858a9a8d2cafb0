// grasp (Wang et al., ICLR 2020; zero-cost-nas `grasp.py`, T = 1, one iteration): per weight
// −W ⊙ (Hg), H the Hessian of the CE loss in the Conv/Linear weights and g = ∂L/∂W held constant.
// Node = mean, score = signed sum.
//
// Without double backward, Hg is a central difference of gradients on the float64 engine:
//   Hg ≈ [∇L(W + εg) − ∇L(W − εg)] / 2ε,  ε = δ·‖W‖/‖g‖ (norms over all listed weights),
// so the step moves the weights by δ of their norm. The exact Hessian holds every ReLU mask
// fixed; a step that flips a pre-activation adds a gradient jump J/2ε, so δ must be small enough
// that no unit crosses zero: at δ = 1e-9, 6 of 8 random C=16 N=5 networks flip a unit, at 1e-10
// 1 of 8, at 1e-11 none. Rounding grows as δ shrinks (~4e-7 of ‖Hg‖ at 1e-10, ~2e-6 at 1e-11 on
// the tiny test networks); float32 cannot work here at all, its rounding swamps any step small
// enough to avoid flips. A flip shows as disagreement of the one-sided differences (∇₊ − g)/ε and
// (g − ∇₋)/ε, which otherwise agree to ~1e-5 and differ by ~2× after a flip, so δ starts at 1e-10
// and shrinks tenfold on disagreement, up to twice. Against PyTorch's exact double backward in
// float64: ≤ 4e-7 of each node vector's scale (bounds in test/proxies/grasp.test.ts).
import { lossPass } from "../../engine/lossPass.js";
import { defineProxy } from "../registry.js";
import { total } from "../nodeValues.js";

const STEPS = [1e-10, 1e-11, 1e-12];
/** Largest per-layer ‖(∇₊ − g) − (g − ∇₋)‖ / ‖(∇₊ − ∇₋)/2‖ accepted as flip-free. */
const FLIP_RATIO = 1e-2;

const squares = (a: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return s;
};

defineProxy({
  name: "grasp",
  source: "Wang et al., ICLR 2020; zero-cost-nas foresight/pruners/measures/grasp.py (Hg by central differences in float64)",
  needs: { data: true, labels: true, batchNorm: "train", precision: "f64" },
  reduction: "size-weighted",
  async compute(context) {
    const engine = await context.float64Engine();
    const net = context.network(engine);
    const weights = net.nodes().map((node) => node.weight);
    const gradients = (): Float64Array[] => lossPass(engine, net, context.inputs.batch, () => weights.map((w) => engine.readGrad(w) as Float64Array));
    const w0 = weights.map((w) => engine.read(w));
    const g = gradients();
    const gNorm = Math.sqrt(total(g.map(squares)));
    // Hg = H·0 = 0 when nothing reaches the weights (degenerate networks).
    if (gNorm === 0) return { nodes: new Float64Array(weights.length), score: 0 };
    const scale = Math.sqrt(total(w0.map(squares))) / gNorm;
    const gradientAt = (step: number): Float64Array[] => {
      weights.forEach((w, l) => {
        const v = engine.view(w);
        for (let i = 0; i < v.length; i++) v[i] = w0[l][i] + step * g[l][i];
      });
      return gradients();
    };

    // Flip-free steps agree to ~1e-5; should every step disagree, keep the most consistent one.
    let best = { worst: Infinity, sums: [] as number[] };
    for (const delta of STEPS) {
      const eps = delta * scale;
      const plus = gradientAt(eps);
      const minus = gradientAt(-eps);
      let worst = 0;
      const sums = weights.map((w, l) => {
        let wHg = 0;
        let curve = 0;
        let half = 0;
        for (let i = 0; i < w.size; i++) {
          const d = (plus[l][i] - minus[l][i]) / 2;
          const c = plus[l][i] - 2 * g[l][i] + minus[l][i];
          wHg -= w0[l][i] * d;
          curve += c * c;
          half += d * d;
        }
        if (curve > 0) worst = Math.max(worst, Math.sqrt(curve / half));
        return wHg / eps;
      });
      if (worst < best.worst) best = { worst, sums };
      if (worst <= FLIP_RATIO) break;
    }
    const { sums } = best;
    return { nodes: Float64Array.from(sums, (s, l) => s / weights[l].size), score: total(sums) };
  },
});
