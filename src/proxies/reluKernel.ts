// NASWOT's kernel (Mellor et al., ICML 2021, "hook_logdet"; the nwot proxy): over every ReLU input
// of one train-mode forward, the binary codes c_n = [x_n > 0] add K_ij += readers·(D − Hamming(c_i, c_j)),
// packed and compared in wasm (assembly/codes.ts). `readers` counts the reference's ReLU modules a
// shared ReLU stands for (see PassObserver). Recorded on the cross-entropy pass's forward when the
// run has one (ProxyContext.reluKernel), else on a forward of its own.
import type { Engine } from "../engine/engine.js";
import { fromBatchMajor } from "../engine/ops/layout.js";
import type { Tensor } from "../engine/tensor.js";
import type { ProxyContext } from "./context.js";
import { packSigns } from "./signCodes.js";

/** An observer that accumulates K (N×N, float64) over a pass; read() copies it out before the pass ends. */
export function reluKernelRecorder(engine: Engine, N: number): { reluInput: (x: Tensor, readers: number) => void; read: () => Float64Array } {
  let K = 0; // allocated in the pass, on the first ReLU
  return {
    reluInput: (x, readers) => {
      K ||= engine.arena.allocZeroed(N * N * 8);
      const codes = packSigns(engine, x);
      engine.kernels.signAgreement(codes.ptr, N, codes.words, codes.bits, readers, K);
    },
    read: () => (K ? engine.arena.f64(K, N * N).slice() : new Float64Array(N * N)),
  };
}

/** Its own forward, for a run without the cross-entropy pass. */
export function standaloneReluKernel(context: ProxyContext): Float64Array {
  const engine = context.engine;
  const net = context.network(engine);
  const { x, shape } = context.inputs.batch;
  const recorder = reluKernelRecorder(engine, shape[0]);
  return engine.withPass(() => {
    engine.observer = { reluInput: recorder.reluInput };
    net.forward(engine, fromBatchMajor(engine, x, shape));
    return recorder.read();
  });
}
