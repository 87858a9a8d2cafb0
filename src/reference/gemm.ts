// Plain-TS reference for assembly/gemm.ts: the classic triple loop, summed in f64.
import type { Floats } from "./floats.js";

/** C[M×N] = alpha·op(A)·op(B) + beta·C, row-major; op(A) is stored K×M when transA, op(B) N×K when transB. */
export function sgemm(
  transA: boolean, transB: boolean, M: number, N: number, K: number, alpha: number,
  A: Floats, lda: number, B: Floats, ldb: number, beta: number, C: Floats, ldc: number,
): void {
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let p = 0; p < K; p++) {
        const a = transA ? A[p * lda + i] : A[i * lda + p];
        const b = transB ? B[j * ldb + p] : B[p * ldb + j];
        s += a * b;
      }
      // beta = 0 must not propagate NaN from C's old contents.
      C[i * ldc + j] = alpha * s + (beta === 0 ? 0 : beta * C[i * ldc + j]);
    }
  }
}
