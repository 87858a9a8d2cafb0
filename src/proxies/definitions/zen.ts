// zen (Lin et al., "Zen-NAS", ICCV 2021; idstcv/ZenNAS ZeroShotProxy/compute_zen_score.py as ported
// by NASLib, 1 repeat): N(0,1) conv/linear weights with zero biases, x₁, x₂ ~ N(0,1) of the batch's
// shape, x_mix = x₁ + 0.01·x₂; two train-mode forwards to the map before global pooling f, then
// Δ = mean_n Σ_chw |f(x₁) − f(x_mix)| and score = ln Δ + Σ_BN ln √(mean_c running_var), the running
// variances read after both forwards. No per-node form; a degenerate network has Δ = 0 → −Infinity.
//
// Unlike the references (torch's global RNG), the weights and then x₁ and x₂ come, in that order, from
// one `Random(seed)` stream with the run's seed, so a score is reproducible; tools/proxies_torch.py
// `zen_fixed` replays the same stream in PyTorch.
import { fromBatchMajor } from "../../engine/ops/layout.js";
import { Random } from "../../util/random.js";
import { defineProxy } from "../registry.js";

const MIX = Math.fround(0.01); // PyTorch multiplies a float32 tensor by the scalar in float32

defineProxy({
  name: "zen",
  source: "Lin et al., ICCV 2021; idstcv/ZenNAS ZeroShotProxy/compute_zen_score.py via NASLib zen.py",
  needs: { data: false, labels: false, batchNorm: "train", precision: "f32" },
  reduction: "none",
  compute(context) {
    const engine = context.engine;
    const random = new Random(context.seed);
    const net = context.network(engine, { seed: random, scheme: "gaussian" });
    const shape = context.inputs.batch.shape;
    const size = shape.reduce((a, b) => a * b, 1);
    const x1 = Float32Array.from({ length: size }, () => random.normal());
    const x2 = Float32Array.from({ length: size }, () => random.normal());
    const mixed = x1.map((v, i) => v + Math.fround(MIX * x2[i]));
    const delta = engine.withPass(() => {
      const f1 = net.features(engine, fromBatchMajor(engine, x1, shape));
      const f2 = net.features(engine, fromBatchMajor(engine, mixed, shape));
      const a = engine.view(f1), b = engine.view(f2); // after both forwards: the arena may have grown
      let sum = 0;
      for (let i = 0; i < a.length; i++) sum += Math.abs(Math.fround(a[i] - b[i]));
      return sum / shape[0];
    });
    let bnTerm = 0;
    for (const bn of net.batchNorms()) bnTerm += Math.log(Math.sqrt(bn.runningVar.reduce((s, v) => s + v, 0) / bn.channels));
    return { score: Math.log(delta) + bnTerm };
  },
});
