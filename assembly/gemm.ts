// Row-major SGEMM, blocked as in Goto & van de Geijn, "Anatomy of High-Performance Matrix
// Multiplication" (ACM TOMS 2008) and BLIS: op(B) is packed into KC×NR micro-panels, op(A) into
// MR×KC micro-panels, and an MR×NR register-blocked micro-kernel streams both from cache.
// Packing zero-pads ragged panels, so the micro-kernel always computes a full tile; ragged
// tiles go through a small buffer and only their valid part reaches C.
import { transpose4x4 } from "./elementwise";

const MR = 4; // rows of C per micro-tile: 4×8 = 8 accumulators + 2 B vectors + splat + product fit 16 xmm registers
const NR = 8;
const KC = 256; // a KC×NR B micro-panel (8 KiB) stays in L1 while the MC×KC A block (128 KiB) sits in L2
const MC = 128;
const NC = 512; // the packed B panel is KC×NC (512 KiB, so static data fits asconfig's 16 initial pages)

const packedA = memory.data(MC * KC * 4, 64);
const packedB = memory.data(KC * NC * 4, 64);
const edgeTile = memory.data(MR * NR * 4, 64);

/**
 * Called by conv, linear layers and the model: C[M×N] = alpha·op(A)·op(B) + beta·C, all row-major.
 * op(A) is M×K (stored K×M when transA ≠ 0), op(B) is K×N (stored N×K when transB ≠ 0).
 * beta = 0 ignores C's old contents, NaN included.
 */
export function sgemm(
  transA: i32, transB: i32, M: i32, N: i32, K: i32, alpha: f32,
  A: usize, lda: i32, B: usize, ldb: i32, beta: f32, C: usize, ldc: i32,
): void {
  if (beta != 0 && beta != 1) scaleMatrix(C, M, N, ldc, beta);
  if (alpha == 0) {
    if (beta == 0) scaleMatrix(C, M, N, ldc, 0);
    return;
  }
  for (let jc = 0; jc < N; jc += NC) {
    const nc = min(NC, N - jc);
    for (let pc = 0; pc < K; pc += KC) {
      const kc = min(KC, K - pc);
      if (transB) packColumns(B, ldb, pc, jc, kc, nc, NR, packedB);
      else packRows(B, ldb, pc, jc, kc, nc, NR, packedB);
      // With beta = 0 the first K block overwrites C instead of reading it.
      const overwrite = pc == 0 && beta == 0;
      for (let ic = 0; ic < M; ic += MC) {
        const mc = min(MC, M - ic);
        if (transA) packRows(A, lda, pc, ic, kc, mc, MR, packedA);
        else packColumns(A, lda, pc, ic, kc, mc, MR, packedA);
        macroKernel(mc, nc, kc, alpha, C + ((<usize>ic * ldc + jc) << 2), ldc, overwrite);
      }
    }
  }
}

/** C[M×N] *= s, where s = 0 clears (so NaN does not survive). */
function scaleMatrix(C: usize, M: i32, N: i32, ldc: i32, s: f32): void {
  const sv = f32x4.splat(s);
  for (let i = 0; i < M; i++) {
    const row = C + ((<usize>i * ldc) << 2);
    let j = 0;
    for (; j + 4 <= N; j += 4) {
      const p = row + (<usize>j << 2);
      v128.store(p, s == 0 ? sv : f32x4.mul(v128.load(p), sv));
    }
    for (; j < N; j++) {
      const p = row + (<usize>j << 2);
      store<f32>(p, s == 0 ? 0 : load<f32>(p) * s);
    }
  }
}

function macroKernel(mc: i32, nc: i32, kc: i32, alpha: f32, C: usize, ldc: i32, overwrite: bool): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = min(NR, nc - jr);
    const bPanel = packedB + ((<usize>jr * kc) << 2);
    for (let ir = 0; ir < mc; ir += MR) {
      const mr = min(MR, mc - ir);
      const aPanel = packedA + ((<usize>ir * kc) << 2);
      const c = C + ((<usize>ir * ldc + jr) << 2);
      if (mr == MR && nr == NR) {
        microKernel(kc, aPanel, bPanel, alpha, c, ldc, overwrite);
      } else {
        microKernel(kc, aPanel, bPanel, alpha, edgeTile, NR, true);
        storeEdge(mr, nr, c, ldc, overwrite);
      }
    }
  }
}

/** The 4×8 tile at c (row stride ldc floats) gets alpha·Ap·Bp, overwriting or accumulating. */
function microKernel(kc: i32, a: usize, b: usize, alpha: f32, c: usize, ldc: i32, overwrite: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let ai = v128.load32_splat(a);
    c00 = f32x4.add(c00, f32x4.mul(ai, b0));
    c01 = f32x4.add(c01, f32x4.mul(ai, b1));
    ai = v128.load32_splat(a, 4);
    c10 = f32x4.add(c10, f32x4.mul(ai, b0));
    c11 = f32x4.add(c11, f32x4.mul(ai, b1));
    ai = v128.load32_splat(a, 8);
    c20 = f32x4.add(c20, f32x4.mul(ai, b0));
    c21 = f32x4.add(c21, f32x4.mul(ai, b1));
    ai = v128.load32_splat(a, 12);
    c30 = f32x4.add(c30, f32x4.mul(ai, b0));
    c31 = f32x4.add(c31, f32x4.mul(ai, b1));
    a += MR << 2;
    b += NR << 2;
  }
  const va = f32x4.splat(alpha);
  const rowBytes = <usize>ldc << 2;
  storeRow(c, c00, c01, va, overwrite);
  storeRow(c + rowBytes, c10, c11, va, overwrite);
  storeRow(c + 2 * rowBytes, c20, c21, va, overwrite);
  storeRow(c + 3 * rowBytes, c30, c31, va, overwrite);
}

@inline
function storeRow(c: usize, lo: v128, hi: v128, alpha: v128, overwrite: bool): void {
  lo = f32x4.mul(lo, alpha);
  hi = f32x4.mul(hi, alpha);
  if (!overwrite) {
    lo = f32x4.add(v128.load(c), lo);
    hi = f32x4.add(v128.load(c, 16), hi);
  }
  v128.store(c, lo);
  v128.store(c, hi, 16);
}

/** Moves the valid mr×nr corner of edgeTile into C. */
function storeEdge(mr: i32, nr: i32, c: usize, ldc: i32, overwrite: bool): void {
  for (let i = 0; i < mr; i++) {
    const src = edgeTile + (<usize>(i * NR) << 2);
    const dst = c + ((<usize>i * ldc) << 2);
    for (let j = 0; j < nr; j++) {
      const o = <usize>j << 2;
      const v = load<f32>(src + o);
      store<f32>(dst + o, overwrite ? v : load<f32>(dst + o) + v);
    }
  }
}

// Both packers fill dst[strip][p][lane] for p < kc and the `count` indices j0.. split into strips of
// `width` lanes (MR or NR); the last strip is zero-padded. They differ in how X is laid out.

/** Packs X(p, j) = src[(k0 + p)·ld + j0 + j]: each strip row is a contiguous run of src, read in order. */
function packRows(src: usize, ld: i32, k0: i32, j0: i32, kc: i32, count: i32, width: i32, dst: usize): void {
  const stripBytes = <usize>(kc * width) << 2;
  const full = count - count % width;
  for (let p = 0; p < kc; p++) {
    const from = src + ((<usize>(k0 + p) * ld + j0) << 2);
    let to = dst + (<usize>(p * width) << 2);
    for (let s = 0; s < full; s += width, to += stripBytes) {
      for (let q = 0; q < width; q += 4) v128.store(to + (<usize>q << 2), v128.load(from + (<usize>(s + q) << 2)));
    }
    for (let q = 0; q < width && full < count; q++) {
      store<f32>(to + (<usize>q << 2), full + q < count ? load<f32>(from + (<usize>(full + q) << 2)) : 0);
    }
  }
}

/** Packs X(p, j) = src[(j0 + j)·ld + k0 + p]: a transposing gather, done in 4×4 blocks. */
function packColumns(src: usize, ld: i32, k0: i32, j0: i32, kc: i32, count: i32, width: i32, dst: usize): void {
  const ldBytes = <usize>ld << 2;
  const stripBytes = <usize>width << 2;
  for (let s = 0; s < count; s += width) {
    const lanes = min(width, count - s);
    const first = src + <usize>(j0 + s) * ldBytes + (<usize>k0 << 2);
    let p = 0;
    if (lanes == width) {
      for (; p + 4 <= kc; p += 4) {
        for (let q = 0; q < width; q += 4) {
          transpose4x4(first + <usize>q * ldBytes + (<usize>p << 2), ldBytes, dst + <usize>p * stripBytes + (<usize>q << 2), stripBytes);
        }
      }
    }
    for (; p < kc; p++) {
      const row = dst + <usize>p * stripBytes;
      for (let q = 0; q < width; q++) {
        store<f32>(row + (<usize>q << 2), q < lanes ? load<f32>(first + <usize>q * ldBytes + (<usize>p << 2)) : 0);
      }
    }
    dst += <usize>kc * stripBytes;
  }
}
