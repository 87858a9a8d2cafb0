// The default model backend: the engine's own SIMD sgemm (or its f64 twin on a float64 engine).
import type { Engine } from "../engine/engine.js";
import type { MatmulBackend } from "./types.js";

export function wasmMatmul(): MatmulBackend {
  return {
    name: "wasm",
    device: "wasm-simd",
    gemm(engine: Engine, transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc) {
      engine.kernels.sgemm(transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
    },
    dispose() {},
  };
}
