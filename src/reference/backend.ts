// The plain-TS reference kernels behind the same pointer interface as the wasm module,
// computing in float64. Pointers index a growable byte store; each call views the store
// from the pointer on, so the kernels see ordinary typed arrays.
import type { Backend } from "../engine/backend.js";
import type { KernelExports } from "../wasm/exports.js";
import * as batchnorm from "./batchnorm.js";
import * as channels from "./channels.js";
import * as codes from "./codes.js";
import * as conv from "./conv.js";
import * as elementwise from "./elementwise.js";
import * as gemm from "./gemm.js";
import * as loss from "./loss.js";
import * as maxPool from "./maxPool.js";
import * as pool from "./pool.js";
import * as reduce from "./reduce.js";
import * as seededInit from "./seededInit.js";

const HEAP_BASE = 64; // keep pointer 0 free: it means "no buffer" (e.g. conv2dBackward's dx)

export function referenceBackend(): Backend {
  const memory = new WebAssembly.Memory({ initial: 16 });
  const f = (ptr: number): Float64Array => new Float64Array(memory.buffer, ptr, (memory.buffer.byteLength - ptr) / 8);
  const i32 = (ptr: number, count: number): Int32Array => new Int32Array(memory.buffer, ptr, count);
  const u32 = (ptr: number, count: number): Uint32Array => new Uint32Array(memory.buffer, ptr, count);
  const shape = (C: number, N: number, H: number, W: number, O: number, k: number, stride: number, pad: number): conv.ConvShape => ({ C, N, H, W, O, k, stride, pad });

  const kernels: KernelExports = {
    memory,
    heapBase: () => HEAP_BASE,
    sgemm: (tA, tB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc) => gemm.sgemm(tA !== 0, tB !== 0, M, N, K, alpha, f(A), lda, f(B), ldb, beta, f(C), ldc),
    im2col: (x, C, N, H, W, k, stride, pad, _Ho, _Wo, col) => conv.im2col(f(x), shape(C, N, H, W, 0, k, stride, pad), f(col)),
    col2im: (col, C, N, H, W, k, stride, pad, _Ho, _Wo, dx) => conv.col2im(f(col), shape(C, N, H, W, 0, k, stride, pad), f(dx)),
    conv2dForward: (x, w, C, N, H, W, O, k, stride, pad, y) => conv.conv2dForward(f(x), f(w), shape(C, N, H, W, O, k, stride, pad), f(y)),
    conv2dBackward: (x, w, dy, C, N, H, W, O, k, stride, pad, dx, dw) =>
      conv.conv2dBackward(f(x), f(w), f(dy), shape(C, N, H, W, O, k, stride, pad), dx ? f(dx) : null, f(dw)),
    // No Winograd here: the same 3×3, stride-1, pad-1 convolution, computed directly.
    winogradScratchFloats: () => 0,
    winogradConv3x3Forward: (x, w, C, N, H, W, O, y) => conv.conv2dForward(f(x), f(w), shape(C, N, H, W, O, 3, 1, 1), f(y)),
    winogradConv3x3Backward: (x, w, dy, C, N, H, W, O, dx, dw) =>
      conv.conv2dBackward(f(x), f(w), f(dy), shape(C, N, H, W, O, 3, 1, 1), dx ? f(dx) : null, f(dw)),
    batchNormForward: (x, gamma, beta, C, P, eps, y, mean, invStd) => batchnorm.batchNormForward(f(x), f(gamma), f(beta), C, P, eps, f(y), f(mean), f(invStd)),
    batchNormBackward: (x, dy, gamma, mean, invStd, C, P, dx, dgamma, dbeta) =>
      batchnorm.batchNormBackward(f(x), f(dy), f(gamma), f(mean), f(invStd), C, P, f(dx), f(dgamma), f(dbeta)),
    avgPool3x3Forward: (x, planes, H, W, y) => pool.avgPool3x3Forward(f(x), planes, H, W, f(y)),
    avgPool3x3Backward: (dy, planes, H, W, dx) => pool.avgPool3x3Backward(f(dy), planes, H, W, f(dx)),
    avgPool2x2Forward: (x, planes, H, W, y) => pool.avgPool2x2Forward(f(x), planes, H, W, f(y)),
    avgPool2x2Backward: (dy, planes, H, W, dx) => pool.avgPool2x2Backward(f(dy), planes, H, W, f(dx)),
    globalAvgPoolForward: (x, planes, HW, y) => pool.globalAvgPoolForward(f(x), planes, HW, f(y)),
    globalAvgPoolBackward: (dy, planes, HW, dx) => pool.globalAvgPoolBackward(f(dy), planes, HW, f(dx)),
    fillNormal: (dst, count, state, std) => seededInit.fillNormal(f(dst), count, state, std),
    fillSymmetric: (dst, count, state, bound) => seededInit.fillSymmetric(f(dst), count, state, bound),
    maxPool3x3Forward: (x, planes, H, W, y) => maxPool.maxPool3x3Forward(f(x), planes, H, W, f(y)),
    maxPool3x3Backward: (x, dy, planes, H, W, dx) => maxPool.maxPool3x3Backward(f(x), f(dy), planes, H, W, f(dx)),
    maxPool2x2Forward: (x, planes, H, W, y) => maxPool.maxPool2x2Forward(f(x), planes, H, W, f(y)),
    maxPool2x2Backward: (x, dy, planes, H, W, dx) => maxPool.maxPool2x2Backward(f(x), f(dy), planes, H, W, f(dx)),
    copy: (x, n, y) => channels.copy(f(x), n, f(y)),
    reluForward: (x, n, y) => elementwise.reluForward(f(x), n, f(y)),
    reluBackward: (x, dy, n, dx) => elementwise.reluBackward(f(x), f(dy), n, f(dx)),
    add: (a, b, n, y) => elementwise.add(f(a), f(b), n, f(y)),
    accumulate: (x, n, y) => elementwise.accumulate(f(x), n, f(y)),
    scale: (x, n, s, y) => elementwise.scale(f(x), n, s, f(y)),
    axpy: (n, a, x, y) => elementwise.axpy(n, a, f(x), f(y)),
    fill: (y, n, v) => elementwise.fill(f(y), n, v),
    mul: (a, b, n, y) => elementwise.mul(f(a), f(b), n, f(y)),
    transpose: (x, rows, cols, y) => elementwise.transpose(f(x), rows, cols, f(y)),
    biasAddRows: (y, rows, cols, b) => elementwise.biasAddRows(f(y), rows, cols, f(b)),
    sumRows: (dy, rows, cols, db) => elementwise.sumRows(f(dy), rows, cols, f(db)),
    softmaxCrossEntropyForward: (logits, labels, N, K, probs) => loss.softmaxCrossEntropyForward(f(logits), i32(labels, N), N, K, f(probs)),
    softmaxCrossEntropyBackward: (probs, labels, N, K, dloss, dlogits) => loss.softmaxCrossEntropyBackward(f(probs), i32(labels, N), N, K, dloss, f(dlogits)),
    sum: (x, n) => reduce.sum(f(x), n),
    sumAbs: (x, n) => reduce.sumAbs(f(x), n),
    sumSquares: (x, n) => reduce.sumSquares(f(x), n),
    dot: (a, b, n) => reduce.dot(f(a), f(b), n),
    sumProduct: (a, b, n) => reduce.sumProduct(f(a), f(b), n),
    sumAbsProduct: (a, b, n) => reduce.sumAbsProduct(f(a), f(b), n),
    packSigns: (x, C, N, HW, out) => codes.packSigns(f(x), C, N, HW, u32(out, N * C * Math.ceil(HW / 64) * 2)),
    signAgreement: (out, N, words, bits, weight, K) => codes.signAgreement(u32(out, N * words * 2), N, words, bits, weight, f(K)),
  };
  return { name: "reference-f64", kernels, memory, heapBase: HEAP_BASE, elementBytes: 8 };
}
