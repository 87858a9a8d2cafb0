import { test } from "uvu";
import * as assert from "uvu/assert";
import * as reference from "../../src/reference/gemm.js";
import { check, testEachPrecision, wasm, type Op, type Precision } from "./check.js";

/**
 * C = alpha·op(A)·op(B) + beta·C0, with every input differentiated. The backward is sgemm itself:
 * dA = alpha·dC·op(B)ᵀ, dB = alpha·op(A)ᵀ·dC (stored transposed when the input is), dC0 = beta·dC.
 */
function gemm(p: Precision, M: number, N: number, K: number, transA: boolean, transB: boolean, alpha = 0.7, beta = 0.3, spare = 0): Op {
  // `spare` widens every leading dimension, as when a kernel works on a block of a larger matrix.
  const lda = (transA ? M : K) + spare, ldb = (transB ? K : N) + spare, ldc = N + spare;
  const [ta, tb] = [+transA, +transB];
  return {
    inputs: { A: p.random((transA ? K : M) * lda), B: p.random((transB ? N : K) * ldb), C0: p.random(M * ldc) },
    reference: ({ A, B, C0 }) => {
      const C = C0.slice();
      reference.sgemm(transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
      return C;
    },
    forward: (s, at) => {
      const C = s.put(s.read(at.C0, M * ldc));
      s.kernels.sgemm(ta, tb, M, N, K, alpha, at.A, lda, at.B, ldb, beta, C, ldc);
      return s.read(C, M * ldc);
    },
    backward: ({ kernels }, at, dC, grads) => {
      if (transA) kernels.sgemm(tb, 1, K, M, N, alpha, at.B, ldb, dC, ldc, 1, grads.A, lda);
      else kernels.sgemm(0, 1 - tb, M, K, N, alpha, dC, ldc, at.B, ldb, 1, grads.A, lda);
      if (transB) kernels.sgemm(1, ta, N, K, M, alpha, dC, ldc, at.A, lda, 1, grads.B, ldb);
      else kernels.sgemm(1 - ta, 0, K, N, M, alpha, at.A, lda, dC, ldc, 1, grads.B, ldb);
      // C = beta·C0 + … inside the M×N block; the spare columns pass C0 through unchanged.
      for (let row = 0; row < M; row++) {
        const offset = p.bytes * row * ldc;
        kernels.axpy(N, beta, dC + offset, grads.C0 + offset);
        kernels.axpy(ldc - N, 1, dC + offset + p.bytes * N, grads.C0 + offset + p.bytes * N);
      }
    },
  };
}

for (const [transA, transB] of [[false, false], [true, false], [false, true], [true, true]]) {
  const flags = `transA=${+transA} transB=${+transB}`;
  testEachPrecision(`sgemm matches the triple loop on ragged sizes, ${flags}`, async (p) => {
    for (const [M, N, K] of [[1, 1, 1], [3, 7, 10], [17, 33, 130], [10, 9, 300], [130, 17, 3]]) await check(p, gemm(p, M, N, K, transA, transB));
  });
  testEachPrecision(`sgemm gradients (sgemm with flipped flags) match finite differences, ${flags}`, (p) =>
    check(p, gemm(p, 7, 10, 17, transA, transB)));
}

testEachPrecision("sgemm crosses every cache block (M > 128, N > 512, K > 256)", (p) =>
  check(p, gemm(p, 133, 515, 260, false, true, 1, 0), { f32: { rtol: 3e-5 } }));

testEachPrecision("sgemm reads and writes blocks of larger matrices (leading dimensions > sizes)", async (p) => {
  for (const [transA, transB] of [[false, false], [true, true]]) await check(p, gemm(p, 9, 13, 11, transA, transB, 0.7, 0.3, 5));
});

testEachPrecision("sgemm with beta = 0 ignores NaN in C", async (p) => {
  const s = await wasm(p);
  const mark = s.arena.mark();
  const A = s.put(p.random(5 * 6)), B = s.put(p.random(6 * 9)), C = s.put(p.zeros(5 * 9).fill(NaN));
  s.kernels.sgemm(0, 0, 5, 9, 6, 1, A, 6, B, 9, 0, C, 9);
  assert.ok(s.read(C, 5 * 9).every(Number.isFinite));
  s.arena.reset(mark);
});

test.run();
