// fisher (Turner et al. 2020, channel mode as in zero-cost-nas `fisher.py`): per output channel
// F_c = ½·mean_n(Σ_hw a·∂L/∂a)², broadcast over the channel's fan-in weights. Node = the mean of
// that tensor (= mean_c F_c); score = Σ_l Σ_c F_c·fan_in, the broadcast factor kept.
import { defineProxy } from "../registry.js";
import { perNode, total } from "../nodeValues.js";

defineProxy({
  name: "fisher",
  source: "Turner et al., ICLR 2020; zero-cost-nas foresight/pruners/measures/fisher.py",
  needs: { data: true, labels: true, batchNorm: "train", precision: "f32", shares: "lossGradients" },
  reduction: "size-weighted",
  compute(context) {
    const stats = context.gradientPass();
    const nodes = perNode(stats, (n) => total(n.fisherChannels) / n.fisherChannels.length);
    return { nodes, score: total(stats.map((n) => total(n.fisherChannels) * n.fanIn)) };
  },
});
