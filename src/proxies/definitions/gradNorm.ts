// grad_norm (Abdelfattah et al. 2021; zero-cost-nas `grad_norm.py`, NASLib): ‖∂L/∂W‖_F per layer, summed.
import { defineProxy } from "../registry.js";
import { perNode, total } from "../nodeValues.js";

defineProxy({
  name: "grad_norm",
  source: "Abdelfattah et al., ICLR 2021; zero-cost-nas foresight/pruners/measures/grad_norm.py",
  needs: { data: true, labels: true, batchNorm: "train", precision: "f32", shares: "lossGradients" },
  reduction: "sum",
  compute(context) {
    const nodes = perNode(context.gradientPass(), (n) => Math.sqrt(n.gradSquares));
    return { nodes, score: total(nodes) };
  },
});
