// params: parameters in millions (every instantiated module, BN and biases included, §A.9);
// node = the element count of each Conv/Linear weight.
import { paramCount } from "../../spaces/nb201/cost.js";
import { nb201Network } from "../../spaces/nb201/network.js";
import { defineProxy } from "../registry.js";

defineProxy({
  name: "params",
  source: "NB201 / NAS-Bench-Suite-Zero parameter count",
  needs: { data: false, labels: false, batchNorm: "train", precision: "f32" },
  reduction: "none",
  compute({ arch, inputs }) {
    const nodes = Float64Array.from(nb201Network(arch, inputs.dataset).nodes(), (node) => node.weight.size);
    return { nodes, score: paramCount(arch, inputs.dataset) / 1e6 };
  },
});
