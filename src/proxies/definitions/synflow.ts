// synflow (Tanaka et al., NeurIPS 2020; zero-cost-nas `synflow.py`, NASLib): on |θ| in float64,
// R = Σ logits of one all-ones image, per weight |W ⊙ ∂R/∂W|; node = mean, score = raw sum (not ln).
// `synflow` makes every BN the identity (NASLib); `synflow_bn` keeps BN in train mode, as
// ParZC's generator did (§C.1, item 3). Float64 holds the ~1e49 of an all-3×3 network.
import type { Engine } from "../../engine/engine.js";
import type { ProxyContext } from "../context.js";
import { defineProxy } from "../registry.js";
import { total } from "../nodeValues.js";
import type { ProxyOutput } from "../types.js";

async function synflow(context: ProxyContext, batchNorm: boolean): Promise<ProxyOutput> {
  const engine: Engine = await context.float64Engine();
  const net = context.network(engine);
  net.setBatchNorm(batchNorm);
  // Every parameter (weights, biases, BN γ/β) by its absolute value; running stats are unused in train mode.
  for (const p of net.parameters()) {
    const values = engine.view(p);
    for (let i = 0; i < values.length; i++) values[i] = Math.abs(values[i]);
  }
  const [, channels, height, width] = context.inputs.batch.shape;
  const weights = net.nodes().map((node) => node.weight);
  const sums = engine.withPass(() => {
    const ones = engine.empty([channels, 1, height, width]);
    engine.view(ones).fill(1);
    engine.backwardFrom(net.forward(engine, ones), 1);
    return weights.map((w) => engine.kernels.sumAbsProduct(w.ptr, engine.gradOf(w), w.size));
  });
  return { nodes: Float64Array.from(sums, (s, i) => s / weights[i].size), score: total(sums) };
}

for (const [name, batchNorm] of [["synflow", false], ["synflow_bn", true]] as const) {
  defineProxy({
    name,
    source: "Tanaka et al., NeurIPS 2020; zero-cost-nas foresight/pruners/measures/synflow.py (NASLib: BN off; ParZC: BN on)",
    needs: { data: false, labels: false, batchNorm: batchNorm ? "train" : "off", precision: "f64" },
    reduction: "size-weighted",
    compute: (context) => synflow(context, batchNorm),
  });
}
