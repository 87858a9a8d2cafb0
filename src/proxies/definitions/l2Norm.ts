// l2_norm (NASLib `l2_norm.py`): ‖W‖_F per layer at initialisation, summed. Only the
// architecture's own convs count (zero-cost-nas also counted unused candidates; we don't).
import { defineProxy } from "../registry.js";
import { perNode, total } from "../nodeValues.js";

defineProxy({
  name: "l2_norm",
  source: "NAS-Bench-Suite-Zero (NASLib naslib/predictors/pruners/measures/l2_norm.py)",
  needs: { data: false, labels: false, batchNorm: "train", precision: "f32" },
  reduction: "sum",
  compute(context) {
    const nodes = perNode(context.gradientPass(), (n) => Math.sqrt(n.weightSquares));
    return { nodes, score: total(nodes) };
  },
});
