// plain (Mozer & Smolensky 1989, as in zero-cost-nas `plain.py`): signed ∂L/∂W ⊙ W; node = mean, score = sum.
import { defineProxy } from "../registry.js";
import { perNode, total } from "../nodeValues.js";

defineProxy({
  name: "plain",
  source: "zero-cost-nas foresight/pruners/measures/plain.py",
  needs: { data: true, labels: true, batchNorm: "train", precision: "f32", shares: "lossGradients" },
  reduction: "size-weighted",
  compute(context) {
    const stats = context.gradientPass();
    return { nodes: perNode(stats, (n) => n.weightGrad / n.size), score: total(stats.map((n) => n.weightGrad)) };
  },
});
