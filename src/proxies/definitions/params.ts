// params: parameters in millions (every instantiated module, BN and biases included, §A.9 —
// test/engine/network-params.test.ts pins the built count to the closed form for all 15,625);
// node = the element count of each Conv/Linear weight.
import { defineProxy } from "../registry.js";

defineProxy({
  name: "params",
  source: "NB201 / NAS-Bench-Suite-Zero parameter count",
  needs: { data: false, labels: false, batchNorm: "train", precision: "f32" },
  reduction: "none",
  compute(context) {
    const net = context.describeNetwork();
    const nodes = Float64Array.from(net.nodes(), (node) => node.weight.size);
    return { nodes, score: net.parameterCount() / 1e6 };
  },
});
