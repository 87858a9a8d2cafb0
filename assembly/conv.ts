// 2-D convolution (square kernel k, stride, zero padding, no bias) on CNHW activations, as
// im2col + sgemm (Chellapilla et al., "High Performance Convolutional Neural Networks for
// Document Processing", 2006). The column matrix has one row per (c, ky, kx) tap and one column
// per output pixel (n, oy, ox), so conv is W[O × C·k·k] · col[C·k·k × N·Ho·Wo] = y in CNHW.
// Generic over T = f32 | f64.
import { gemm } from "./gemm";
import { accumulateOf } from "./elementwise";
import { at, lanes, evenLanes, zipLow, zipHigh } from "./lanes";

// The convs run im2col + gemm over chunks of whole output rows whose column block holds about
// CHUNK_BYTES, so it is still in L2 when gemm packs it; a whole column matrix (9.4 MB for 16
// channels at batch 16, 32×32, f32) would stream from DRAM and slow sgemm by a third.
const CHUNK_BYTES = 256 << 10;

/** Output rows (r = n·Ho + oy) per chunk. */
@inline
function chunkRows<T>(taps: i32, Wo: i32, rows: i32): i32 {
  return min(rows, max(1, CHUNK_BYTES / <i32>sizeof<T>() / (taps * Wo)));
}

/** First output index whose input index out·stride + tap − pad is ≥ 0 (at most outSize). */
@inline
function firstValid(tap: i32, stride: i32, pad: i32, outSize: i32): i32 {
  return min(outSize, max(0, (pad - tap + stride - 1) / stride));
}

/** One past the last output index whose input index out·stride + tap − pad is < size (at least first). */
@inline
function endValid(size: i32, tap: i32, stride: i32, pad: i32, outSize: i32, first: i32): i32 {
  const span = size - 1 + pad - tap;
  return span < 0 ? first : max(first, min(outSize, span / stride + 1));
}

/** A stride-1 conv with Wo = W ("same" padding) maps each x plane onto a col row by a constant shift. */
@inline
function isShifted(stride: i32, W: i32, Wo: i32): bool {
  return stride == 1 && Wo == W;
}

/**
 * Moves values between x and the col rows (ld values apart) of output rows [r0, r1) (r = n·Ho + oy):
 * im2col writes col from x, its adjoint (col2im) accumulates col into x. Any stride and padding.
 */
@inline
function columnsByRow<T>(adjoint: bool, x: usize, C: i32, N: i32, H: i32, W: i32, k: i32, stride: i32, pad: i32, Ho: i32, Wo: i32, r0: i32, r1: i32, col: usize, ld: i32): void {
  for (let c = 0; c < C; c++) {
    for (let ky = 0; ky < k; ky++) {
      const oyLo = firstValid(ky, stride, pad, Ho), oyHi = endValid(H, ky, stride, pad, Ho, oyLo);
      for (let kx = 0; kx < k; kx++) {
        const oxLo = firstValid(kx, stride, pad, Wo), oxHi = endValid(W, kx, stride, pad, Wo, oxLo);
        let row = col + <usize>((c * k + ky) * k + kx) * at<T>(ld);
        for (let r = r0; r < r1; r++, row += at<T>(Wo)) {
          const n = r / Ho, oy = r % Ho;
          if (oy < oyLo || oy >= oyHi) {
            if (!adjoint) memory.fill(row, 0, at<T>(Wo));
            continue;
          }
          if (!adjoint) zeroBorderColumns<T>(row, 1, Wo, oxLo, oxHi);
          if (oxHi == oxLo) continue;
          const pixel = x + at<T>(((c * N + n) * H + oy * stride + ky - pad) * W + oxLo * stride + kx - pad);
          if (adjoint) scatterAdd<T>(row + at<T>(oxLo), oxHi - oxLo, pixel, stride);
          else gather<T>(pixel, stride, oxHi - oxLo, row + at<T>(oxLo));
        }
      }
    }
  }
}

/** dst[i] = src[i·stride] for i < count. */
@inline
function gather<T>(src: usize, stride: i32, count: i32, dst: usize): void {
  if (stride == 1) {
    memory.copy(dst, src, at<T>(count));
    return;
  }
  let i = 0;
  // Stride 2 keeps the even lanes of two vectors; the last group stays scalar so no load passes src[(count − 1)·2].
  if (stride == 2) {
    for (; i + lanes<T>() < count; i += lanes<T>()) {
      const from = src + at<T>(2 * i);
      v128.store(dst + at<T>(i), evenLanes<T>(v128.load(from), v128.load(from, 16)));
    }
  }
  for (; i < count; i++) store<T>(dst + at<T>(i), load<T>(src + at<T>(i * stride)));
}

/** dst[i·stride] += src[i] for i < count: the adjoint of gather. */
@inline
function scatterAdd<T>(src: usize, count: i32, dst: usize, stride: i32): void {
  if (stride == 1) {
    accumulateOf<T>(src, count, dst);
    return;
  }
  let i = 0;
  // Stride 2 adds [s0, 0, s1, 0, …] and [s2, 0, s3, 0, …]: the odd pixels get +0, which leaves them unchanged.
  if (stride == 2) {
    const zero = v128.splat<T>(0);
    for (; i + lanes<T>() < count; i += lanes<T>()) {
      const g = v128.load(src + at<T>(i));
      const to = dst + at<T>(2 * i);
      v128.store(to, v128.add<T>(v128.load(to), zipLow<T>(g, zero)));
      v128.store(to, v128.add<T>(v128.load(to, 16), zipHigh<T>(g, zero)), 16);
    }
  }
  for (; i < count; i++) {
    const to = dst + at<T>(i * stride);
    store<T>(to, load<T>(to) + load<T>(src + at<T>(i)));
  }
}

/**
 * columnsByRow for isShifted convs: the valid part of each image's col row is one contiguous copy
 * (or accumulate) of its x plane, shifted by (ky − pad)·W + kx − pad. The border columns, where
 * that shift wraps round a row end, are zeroed in col: after the copy, or before the accumulate,
 * so the adjoint clobbers them (used on conv2dBackward's own scratch only).
 */
@inline
function columnsShifted<T>(adjoint: bool, x: usize, C: i32, N: i32, H: i32, W: i32, k: i32, pad: i32, r0: i32, r1: i32, col: usize, ld: i32): void {
  const rowBytes = at<T>(W);
  for (let c = 0; c < C; c++) {
    for (let ky = 0; ky < k; ky++) {
      const oyLo = firstValid(ky, 1, pad, H), oyHi = endValid(H, ky, 1, pad, H, oyLo);
      for (let kx = 0; kx < k; kx++) {
        const oxLo = firstValid(kx, 1, pad, W), oxHi = endValid(W, kx, 1, pad, W, oxLo);
        const shift = (ky - pad) * W + kx - pad;
        const row = col + <usize>((c * k + ky) * k + kx) * at<T>(ld);
        for (let n = r0 / H; n * H < r1; n++) {
          // This image's output rows [top, bottom) in the chunk, and the valid ones among them.
          const top = max(r0, n * H) - n * H, bottom = min(r1, n * H + H) - n * H;
          const validTop = min(bottom, max(top, oyLo));
          const validBottom = oxHi > oxLo ? max(validTop, min(bottom, oyHi)) : validTop;
          const image = row + <usize>(n * H + top - r0) * rowBytes;
          if (!adjoint) {
            memory.fill(image, 0, <usize>(validTop - top) * rowBytes);
            memory.fill(image + <usize>(validBottom - top) * rowBytes, 0, <usize>(bottom - validBottom) * rowBytes);
          }
          if (validTop == validBottom) continue;
          // From the first valid pixel to the last: everything read or written stays inside the plane.
          const first = validTop * W + oxLo, end = (validBottom - 1) * W + oxHi;
          const inCol = image + at<T>(first - top * W);
          const inX = x + at<T>((c * N + n) * H * W + first + shift);
          if (adjoint) {
            zeroBorderColumns<T>(image + <usize>(validTop - top) * rowBytes, validBottom - validTop, W, oxLo, oxHi);
            accumulateOf<T>(inCol, end - first, inX);
          } else {
            memory.copy(inCol, inX, at<T>(end - first));
            zeroBorderColumns<T>(image + <usize>(validTop - top) * rowBytes, validBottom - validTop, W, oxLo, oxHi);
          }
        }
      }
    }
  }
}

/** Zeroes columns [0, oxLo) and [oxHi, W) of `rows` rows of W values. */
@inline
function zeroBorderColumns<T>(line: usize, rows: i32, W: i32, oxLo: i32, oxHi: i32): void {
  for (let r = 0; r < rows; r++, line += at<T>(W)) {
    for (let ox = 0; ox < oxLo; ox++) store<T>(line + at<T>(ox), 0);
    for (let ox = oxHi; ox < W; ox++) store<T>(line + at<T>(ox), 0);
  }
}

/** Called by the engine (and conv2d): reads x[C][N][H][W], writes col[C·k·k][N·Ho·Wo] (zeros where padded). */
function im2colOf<T>(x: usize, C: i32, N: i32, H: i32, W: i32, k: i32, stride: i32, pad: i32, Ho: i32, Wo: i32, col: usize): void {
  im2colRows<T>(x, C, N, H, W, k, stride, pad, Ho, Wo, 0, N * Ho, col, N * Ho * Wo);
}
export function im2col(x: usize, C: i32, N: i32, H: i32, W: i32, k: i32, stride: i32, pad: i32, Ho: i32, Wo: i32, col: usize): void {
  im2colOf<f32>(x, C, N, H, W, k, stride, pad, Ho, Wo, col);
}
export function im2colF64(x: usize, C: i32, N: i32, H: i32, W: i32, k: i32, stride: i32, pad: i32, Ho: i32, Wo: i32, col: usize): void {
  im2colOf<f64>(x, C, N, H, W, k, stride, pad, Ho, Wo, col);
}

/** Called by the engine (and conv2d): reads col[C·k·k][N·Ho·Wo], accumulates its im2col adjoint into dx[C][N][H][W]. */
function col2imOf<T>(col: usize, C: i32, N: i32, H: i32, W: i32, k: i32, stride: i32, pad: i32, Ho: i32, Wo: i32, dx: usize): void {
  columnsByRow<T>(true, dx, C, N, H, W, k, stride, pad, Ho, Wo, 0, N * Ho, col, N * Ho * Wo);
}
export function col2im(col: usize, C: i32, N: i32, H: i32, W: i32, k: i32, stride: i32, pad: i32, Ho: i32, Wo: i32, dx: usize): void {
  col2imOf<f32>(col, C, N, H, W, k, stride, pad, Ho, Wo, dx);
}
export function col2imF64(col: usize, C: i32, N: i32, H: i32, W: i32, k: i32, stride: i32, pad: i32, Ho: i32, Wo: i32, dx: usize): void {
  col2imOf<f64>(col, C, N, H, W, k, stride, pad, Ho, Wo, dx);
}

function im2colRows<T>(x: usize, C: i32, N: i32, H: i32, W: i32, k: i32, stride: i32, pad: i32, Ho: i32, Wo: i32, r0: i32, r1: i32, col: usize, ld: i32): void {
  if (isShifted(stride, W, Wo)) columnsShifted<T>(false, x, C, N, H, W, k, pad, r0, r1, col, ld);
  else columnsByRow<T>(false, x, C, N, H, W, k, stride, pad, Ho, Wo, r0, r1, col, ld);
}

/** col2im of output rows [r0, r1); may zero col's padded entries. */
function col2imRows<T>(col: usize, C: i32, N: i32, H: i32, W: i32, k: i32, stride: i32, pad: i32, Ho: i32, Wo: i32, r0: i32, r1: i32, dx: usize, ld: i32): void {
  if (isShifted(stride, W, Wo)) columnsShifted<T>(true, dx, C, N, H, W, k, pad, r0, r1, col, ld);
  else columnsByRow<T>(true, dx, C, N, H, W, k, stride, pad, Ho, Wo, r0, r1, col, ld);
}

/** A 1×1, stride-1, unpadded conv needs no im2col: x[C][N·H·W] already is the column matrix. */
@inline
function isPointwise(k: i32, stride: i32, pad: i32): bool {
  return k == 1 && stride == 1 && pad == 0;
}

/**
 * Called by the engine's Conv2d forward: reads x[C][N][H][W] and w[O][C·k·k] (OIHW), writes
 * y[O][N·Ho·Wo]. scratch holds C·k·k·N·Ho·Wo values (unused for a pointwise conv).
 */
function conv2dForwardOf<T>(x: usize, w: usize, C: i32, N: i32, H: i32, W: i32, O: i32, k: i32, stride: i32, pad: i32, y: usize, scratch: usize): void {
  const Ho = (H + 2 * pad - k) / stride + 1, Wo = (W + 2 * pad - k) / stride + 1;
  const P = N * Ho * Wo, taps = C * k * k;
  if (isPointwise(k, stride, pad)) {
    gemm<T>(0, 0, O, P, taps, 1, w, taps, x, P, 0, y, P);
    return;
  }
  const rows = chunkRows<T>(taps, Wo, N * Ho);
  for (let r0 = 0; r0 < N * Ho; r0 += rows) {
    const r1 = min(N * Ho, r0 + rows), pixels = (r1 - r0) * Wo;
    im2colRows<T>(x, C, N, H, W, k, stride, pad, Ho, Wo, r0, r1, scratch, pixels);
    gemm<T>(0, 0, O, pixels, taps, 1, w, taps, scratch, pixels, 0, y + at<T>(r0 * Wo), P);
  }
}
export function conv2dForward(x: usize, w: usize, C: i32, N: i32, H: i32, W: i32, O: i32, k: i32, stride: i32, pad: i32, y: usize, scratch: usize): void {
  conv2dForwardOf<f32>(x, w, C, N, H, W, O, k, stride, pad, y, scratch);
}
export function conv2dForwardF64(x: usize, w: usize, C: i32, N: i32, H: i32, W: i32, O: i32, k: i32, stride: i32, pad: i32, y: usize, scratch: usize): void {
  conv2dForwardOf<f64>(x, w, C, N, H, W, O, k, stride, pad, y, scratch);
}

/**
 * Called by the engine's Conv2d backward: reads x, w, dy[O][N·Ho·Wo]; accumulates dw += dy·colᵀ
 * and, when dx ≠ 0, dx += col2im(wᵀ·dy). scratch holds C·k·k·N·Ho·Wo values, as in the forward.
 */
function conv2dBackwardOf<T>(x: usize, w: usize, dy: usize, C: i32, N: i32, H: i32, W: i32, O: i32, k: i32, stride: i32, pad: i32, dx: usize, dw: usize, scratch: usize): void {
  const Ho = (H + 2 * pad - k) / stride + 1, Wo = (W + 2 * pad - k) / stride + 1;
  const P = N * Ho * Wo, taps = C * k * k;
  if (isPointwise(k, stride, pad)) {
    gemm<T>(0, 1, O, taps, P, 1, dy, P, x, P, 1, dw, taps);
    if (dx != 0) gemm<T>(1, 0, taps, P, O, 1, w, taps, dy, P, 1, dx, P);
    return;
  }
  const rows = chunkRows<T>(taps, Wo, N * Ho);
  for (let r0 = 0; r0 < N * Ho; r0 += rows) {
    const r1 = min(N * Ho, r0 + rows), pixels = (r1 - r0) * Wo;
    const dyChunk = dy + at<T>(r0 * Wo);
    im2colRows<T>(x, C, N, H, W, k, stride, pad, Ho, Wo, r0, r1, scratch, pixels);
    gemm<T>(0, 1, O, taps, pixels, 1, dyChunk, P, scratch, pixels, 1, dw, taps);
    if (dx == 0) continue;
    // The chunk's columns are no longer needed, so their gradient reuses the scratch.
    gemm<T>(1, 0, taps, pixels, O, 1, w, taps, dyChunk, P, 0, scratch, pixels);
    col2imRows<T>(scratch, C, N, H, W, k, stride, pad, Ho, Wo, r0, r1, dx, pixels);
  }
}
export function conv2dBackward(x: usize, w: usize, dy: usize, C: i32, N: i32, H: i32, W: i32, O: i32, k: i32, stride: i32, pad: i32, dx: usize, dw: usize, scratch: usize): void {
  conv2dBackwardOf<f32>(x, w, dy, C, N, H, W, O, k, stride, pad, dx, dw, scratch);
}
export function conv2dBackwardF64(x: usize, w: usize, dy: usize, C: i32, N: i32, H: i32, W: i32, O: i32, k: i32, stride: i32, pad: i32, dx: usize, dw: usize, scratch: usize): void {
  conv2dBackwardOf<f64>(x, w, dy, C, N, H, W, O, k, stride, pad, dx, dw, scratch);
}
