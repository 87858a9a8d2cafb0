// l2_norm (NASLib `l2_norm.py`): ‖W‖_F per layer at initialisation, summed. Needs no data, so it
// reads the freshly initialised weights without a pass. Only the architecture's own convs count
// (zero-cost-nas also counted unused candidates; we don't).
import { defineProxy } from "../registry.js";
import { total } from "../nodeValues.js";

defineProxy({
  name: "l2_norm",
  source: "NAS-Bench-Suite-Zero (NASLib naslib/predictors/pruners/measures/l2_norm.py)",
  needs: { data: false, labels: false, batchNorm: "train", precision: "f32" },
  reduction: "sum",
  compute(context) {
    const engine = context.engine;
    const net = context.network(engine);
    const nodes = Float64Array.from(net.nodes(), ({ weight }) => Math.sqrt(engine.kernels.sumSquares(weight.ptr, weight.size)));
    return { nodes, score: total(nodes) };
  },
});
