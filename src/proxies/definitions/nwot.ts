// nwot (Mellor et al., "Neural Architecture Search without Training", ICML 2021, the "hook_logdet"
// score; NASLib naslib/predictors/utils/pruners/measures/nwot.py): one train-mode forward on the
// batch; every ReLU input gives binary codes c_n = [x_n > 0], K_ij += D − Hamming(c_i, c_j), and
// score = ln|det K|. No per-node form. The codes are packed and compared in wasm (assembly/codes.ts).
//
// The references hook ReLU *modules*: each conv op owns one, so a cell node read by m convs is
// counted m times. Our cells share one ReLU per node and report m as `readers`.
import type { Engine } from "../../engine/engine.js";
import { fromBatchMajor } from "../../engine/ops/layout.js";
import type { Tensor } from "../../engine/tensor.js";
import { logAbsDeterminant } from "../linalg.js";
import { defineProxy } from "../registry.js";

interface Codes {
  ptr: number;
  words: number;
  bits: number;
}

/** Packs a channel-major ReLU input [C, N, H, W] into per-sample sign codes in the arena. */
function packSigns(engine: Engine, x: Tensor): Codes {
  if (x.shape.length !== 4) throw new Error(`nwot: a ReLU input of shape [${x.shape.join(", ")}] is not [C, N, H, W]`);
  const [C, N, H, W] = x.shape;
  const words = C * Math.ceil((H * W) / 64);
  const ptr = engine.arena.alloc(N * words * 8);
  engine.kernels.packSigns(x.ptr, C, N, H * W, ptr);
  return { ptr, words, bits: C * H * W };
}

defineProxy({
  name: "nwot",
  source: "Mellor et al., ICML 2021; NASLib naslib/predictors/utils/pruners/measures/nwot.py",
  needs: { data: true, labels: false, batchNorm: "train", precision: "f32" },
  reduction: "none",
  compute(context) {
    const engine = context.engine;
    const net = context.network(engine);
    const { x, shape } = context.inputs.batch;
    const N = shape[0];
    return engine.withPass(() => {
      const K = engine.arena.allocZeroed(N * N * 8);
      engine.observer = {
        reluInput: (input, readers) => {
          const codes = packSigns(engine, input);
          engine.kernels.signAgreement(codes.ptr, N, codes.words, codes.bits, readers, K);
        },
      };
      net.forward(engine, fromBatchMajor(engine, x, shape));
      return { score: logAbsDeterminant(engine.arena.f64(K, N * N), N) };
    });
  },
});
