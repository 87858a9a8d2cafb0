// flops: multiply-accumulates in millions by the NB201/AutoDL rule (conv and linear only, §A.9);
// node = that layer's share.
import { flops } from "../../spaces/nb201/cost.js";
import { nb201Dataset } from "../../spaces/nb201/datasets.js";
import { nb201Network } from "../../spaces/nb201/network.js";
import { defineProxy } from "../registry.js";

defineProxy({
  name: "flops",
  source: "NB201 API FLOPs (AutoDL get_model_infos)",
  needs: { data: false, labels: false, batchNorm: "train", precision: "f32" },
  reduction: "sum",
  compute({ arch, inputs }) {
    const net = nb201Network(arch, inputs.dataset);
    const sides = net.nodeOutputSides(nb201Dataset(inputs.dataset).inputSide);
    const nodes = Float64Array.from(net.nodes(), (node, i) => {
      const macs = node.weight.size * sides[i] * sides[i];
      return (node.kind === "linear" ? macs + node.outFeatures : macs) / 1e6;
    });
    return { nodes, score: flops(arch, inputs.dataset) };
  },
});
