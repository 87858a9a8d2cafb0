// zico (Li et al., ICLR 2023; github.com/SLDGroup/ZiCo `ZiCo.py`, NASLib `zico.py`): gradients
// g_b = ∂L_b/∂W on two distinct batches; per element μ = mean_b |g|, σ = population std_b g,
// T_l = Σ_{σ≠0} μ/σ. Node = ln T_l (NaN where T_l = 0); score = Σ ln T_l over layers with T_l > 0.
// With two batches μ/σ = (|g₁|+|g₂|)/|g₁−g₂|, so T_l is dominated by the elements where g₁ ≈ g₂:
// in float32 (as the reference ran) their rounding moves ln T_l by up to 3 on a C=16, N=5 network
// (T off by 20×, in PyTorch and here alike), so the gradients come from the float64 engine, where
// the value is reproducible (PyTorch float64 agrees to 2e-7 per node, 6e-12 in score).
import type { FloatArray } from "../../engine/engine.js";
import { lossPass } from "../../engine/lossPass.js";
import { defineProxy } from "../registry.js";

/** Σ over elements where g₁ ≠ g₂ of mean|g| / std g, for two samples. */
function signalToNoise(g1: FloatArray, g2: FloatArray): number {
  let t = 0;
  for (let i = 0; i < g1.length; i++) {
    const a = g1[i];
    const b = g2[i];
    if (a !== b) t += (Math.abs(a) + Math.abs(b)) / Math.abs(a - b);
  }
  return t;
}

defineProxy({
  name: "zico",
  source: "Li et al., ICLR 2023; github.com/SLDGroup/ZiCo ZiCo.py (NASLib naslib/predictors/pruners/measures/zico.py)",
  needs: { data: true, labels: true, batchNorm: "train", precision: "f64" },
  reduction: "sum",
  async compute(context) {
    const engine = await context.float64Engine();
    const net = context.network(engine);
    const weights = net.nodes().map((node) => node.weight);
    const { batch, secondBatch } = context.inputs;
    const first = lossPass(engine, net, batch, () => weights.map((w) => engine.readGrad(w)));
    const totals = lossPass(engine, net, secondBatch, () => weights.map((w, l) => signalToNoise(first[l], engine.values(engine.gradOf(w), w.size))));
    const nodes = Float64Array.from(totals, (t) => (t > 0 ? Math.log(t) : NaN));
    let score = 0;
    for (const v of nodes) if (!Number.isNaN(v)) score += v;
    return { nodes, score };
  },
});
