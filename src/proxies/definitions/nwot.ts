// nwot (Mellor et al., "Neural Architecture Search without Training", ICML 2021, the "hook_logdet"
// score; NASLib naslib/predictors/utils/pruners/measures/nwot.py): one train-mode forward on the
// batch; every ReLU input gives binary codes c_n = [x_n > 0], K_ij += D − Hamming(c_i, c_j), and
// score = ln|det K|. No per-node form. K is built in src/proxies/reluKernel.ts (packed codes, compared in wasm).
//
// The references hook ReLU *modules*: each conv op owns one, so a cell node read by m convs is
// counted m times. Our cells share one ReLU per node and report m as `readers`.
import { logAbsDeterminant } from "../linalg.js";
import { defineProxy } from "../registry.js";

defineProxy({
  name: "nwot",
  source: "Mellor et al., ICML 2021; NASLib naslib/predictors/utils/pruners/measures/nwot.py",
  needs: { data: true, labels: false, batchNorm: "train", precision: "f32", shares: "reluKernel" },
  reduction: "none",
  compute(context) {
    const N = context.inputs.batch.shape[0];
    return { score: logAbsDeterminant(context.reluKernel(), N) };
  },
});
