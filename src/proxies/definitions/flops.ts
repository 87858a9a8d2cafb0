// flops: NAS-Bench-Suite-Zero's `flops` proxy (NASLib via tensorwatch, §A.9): conv and linear
// multiply-accumulates plus BN, ReLU and pool costs, in millions, so the score matches the
// published one exactly. `parzc arch` reports the benchmark's own rule (NB201: convs and linears only).
// Node = that layer's multiply-accumulates (linear: in·out, no bias, as tensorwatch counts).
// The score's closed form is the benchmark network's, whatever network describes the nodes.
import { imageDataset } from "../../data/imageDatasets.js";
import { defineProxy } from "../registry.js";

defineProxy({
  name: "flops",
  source: "NAS-Bench-Suite-Zero (NASLib flops via tensorwatch ModelStats)",
  needs: { data: false, labels: false, batchNorm: "train", precision: "f32" },
  reduction: "none",
  compute(context) {
    const net = context.describeNetwork();
    const sides = net.nodeOutputSides(imageDataset(context.inputs.dataset).inputSide);
    const nodes = Float64Array.from(net.nodes(), (node, i) => (node.weight.size * sides[i] * sides[i]) / 1e6);
    return { nodes, score: context.subject.suiteZeroFlops() };
  },
});
