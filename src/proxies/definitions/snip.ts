// snip (Lee et al. 2019, as in zero-cost-nas `snip.py`): |W ⊙ ∂L/∂W|; node = mean, score = sum.
import { defineProxy } from "../registry.js";
import { perNode, total } from "../nodeValues.js";

defineProxy({
  name: "snip",
  source: "Lee et al., ICLR 2019; zero-cost-nas foresight/pruners/measures/snip.py",
  needs: { data: true, labels: true, batchNorm: "train", precision: "f32", shares: "lossGradients" },
  reduction: "size-weighted",
  compute(context) {
    const stats = context.gradientPass();
    return { nodes: perNode(stats, (n) => n.absWeightGrad / n.size), score: total(stats.map((n) => n.absWeightGrad)) };
  },
});
