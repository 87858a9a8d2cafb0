// grasp (Wang et al., ICLR 2020; zero-cost-nas `grasp.py`, T = 1, one iteration): per weight
// −W ⊙ (Hg), H the Hessian of the CE loss in the Conv/Linear weights and g = ∂L/∂W held constant.
// Node = mean, score = signed sum.
//
// Without double backward, Hg is a one-sided difference of gradients on the float64 engine:
//   Hg ≈ [∇L(W + εg) − g] / ε,  ε = δ·‖W‖/‖g‖ (norms over all listed weights),
// so the step moves the weights by δ of their norm: two float64 passes, the gradient and one step
// (a central difference needs a third). The exact Hessian holds every ReLU mask fixed; a step that
// flips a pre-activation adds a gradient jump J/ε, so no unit may cross zero. Each pass records the
// sign of every ReLU input (packed codes), so a flip is seen exactly, and the step is retried
// (see STEPS). Why δ = 1e-11: the one-sided difference errs by O(δ) (a third-derivative term) plus
// rounding that grows as 1/δ (storing W + εg in float64 keeps ~2^-53 of W, so the step itself is
// rounded by ~6e-6 of its size at 1e-11). Against PyTorch's float64 double backward on 25 full-size
// networks the worst node error (of the node vector's scale) was 1.0e-5 at 3e-11, 6.5e-6 at 2e-11,
// 3.4e-6 at 1e-11 and 5.5e-6 at 5e-12 (the central difference, three passes: 1.5e-6, and 1.3e-7
// where no step flipped a unit; bench/RESULTS.md). Float32 cannot work at all (its rounding swamps
// any step small enough to avoid flips), nor can the float32 gradient stand in for g as the step
// direction: it is off by up to ~3 % in some layers, and H carries that into Hg at ~7e-3 of the
// node scale. Bounds against PyTorch: test/proxies/grasp.test.ts, test/probe/grasp.test.ts.
import type { Engine } from "../../engine/engine.js";
import { lossPass } from "../../engine/lossPass.js";
import type { Tensor } from "../../engine/tensor.js";
import type { SpaceNetwork } from "../../spaces/index.js";
import type { ProxyInputs } from "../inputs.js";
import { total } from "../nodeValues.js";
import { defineProxy } from "../registry.js";
import { flippedUnits, signRecorder } from "../signCodes.js";

/**
 * Relative steps in the order tried. A unit a step flips lies within that step of zero on one side,
 * so the opposite step (a backward difference, as accurate) usually flips nothing; δ shrinks (and
 * the rounding grows) only when both directions flip, in steps of ~3 (one demo network flips a unit
 * at ±1e-11 and −3e-12 but not at +3e-12).
 */
const STEPS = [1e-11, -1e-11, 3e-12, -3e-12, 1e-12, -1e-12, 1e-13];

const squares = (a: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return s;
};

/** The weights' gradients and the sign codes of every ReLU input, at the weights as they are. */
function gradientPass(engine: Engine, net: SpaceNetwork, inputs: ProxyInputs, weights: readonly Tensor[]): { gradients: Float64Array[]; signs: Int32Array[] } {
  const recorder = signRecorder(engine);
  const gradients = lossPass(engine, net, inputs.batch, () => weights.map((w) => engine.readGrad(w) as Float64Array), { observer: recorder });
  return { gradients, signs: recorder.codes };
}

defineProxy({
  name: "grasp",
  source: "Wang et al., ICLR 2020; zero-cost-nas foresight/pruners/measures/grasp.py (Hg by a forward difference in float64)",
  needs: { data: true, labels: true, batchNorm: "train", precision: "f64" },
  reduction: "size-weighted",
  async compute(context) {
    const engine = await context.float64Engine();
    const net = context.network(engine);
    const weights = net.nodes().map((node) => node.weight);
    const w0 = weights.map((w) => engine.read(w));
    const base = gradientPass(engine, net, context.inputs, weights);
    const g = base.gradients;
    const gNorm = Math.sqrt(total(g.map(squares)));
    // Hg = H·0 = 0 when nothing reaches the weights (degenerate networks).
    if (gNorm === 0) return { nodes: new Float64Array(weights.length), score: 0 };
    const scale = Math.sqrt(total(w0.map(squares))) / gNorm;

    // Should every step flip some unit, keep the one that flipped fewest.
    let best = { flipped: Infinity, sums: [] as number[] };
    for (const delta of STEPS) {
      const eps = delta * scale;
      weights.forEach((w, l) => {
        const v = engine.view(w);
        for (let i = 0; i < v.length; i++) v[i] = w0[l][i] + eps * g[l][i];
      });
      const step = gradientPass(engine, net, context.inputs, weights);
      const flipped = flippedUnits(base.signs, step.signs);
      if (flipped >= best.flipped) continue;
      const sums = weights.map((w, l) => {
        let wHg = 0;
        for (let i = 0; i < w.size; i++) wHg -= w0[l][i] * (step.gradients[l][i] - g[l][i]);
        return wHg / eps;
      });
      best = { flipped, sums };
      if (flipped === 0) break;
    }
    const { sums } = best;
    return { nodes: Float64Array.from(sums, (s, l) => s / weights[l].size), score: total(sums) };
  },
});
