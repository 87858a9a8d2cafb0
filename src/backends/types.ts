// The one thing the model asks of a compute backend: row-major GEMM on pointers into an engine's
// memory, with the sgemm argument list (assembly/gemm.ts). Everything else (LayerNorm, GELU,
// DiffKendall, Adam) stays on the engine's wasm kernels; only the products move.
import type { Engine } from "../engine/engine.js";

export type MatmulBackendName = "wasm" | "gpujs";

export interface MatmulBackend {
  readonly name: MatmulBackendName;
  /** What runs the products, for reports: "wasm-simd", "gpu.js webasm", "gpu.js webgl2"… */
  readonly device: string;
  /**
   * C[M×N] = alpha·op(A)·op(B) + beta·C, row-major. op(A) is M×K (stored K×M when transA ≠ 0),
   * op(B) is K×N (stored N×K when transB ≠ 0). beta = 0 ignores C's old contents.
   */
  gemm(engine: Engine, transA: number, transB: number, M: number, N: number, K: number, alpha: number,
    A: number, lda: number, B: number, ldb: number, beta: number, C: number, ldc: number): void;
  /** Frees whatever the backend holds (gpu.js kernels and contexts). */
  dispose(): void;
}
