// Row-major GEMM, blocked as in Goto & van de Geijn, "Anatomy of High-Performance Matrix
// Multiplication" (ACM TOMS 2008) and BLIS: op(B) is packed into KC×NR micro-panels, op(A) into
// MR×KC micro-panels, and an MR×NR register-blocked micro-kernel streams both from cache.
// Packing zero-pads ragged panels, so the micro-kernel always computes a full tile; ragged
// tiles go through a small buffer and only their valid part reaches C.
// Generic over T = f32 | f64: a tile row is two v128s, so the tile is 4×8 in f32 and 4×4 in f64,
// and the cache blocks are sized in bytes, so both instantiations share the static panels.
import { at, lanes, transposeBlock } from "./lanes";

const MR = 4; // rows of C per micro-tile: 4×2 = 8 accumulators + 2 B vectors + splat + product fit 16 xmm registers
const KC = 256;
const A_BLOCK_BYTES = 128 << 10; // the MC×KC A block sits in L2; a KC×NR B micro-panel (8 KiB) stays in L1
const B_PANEL_BYTES = 512 << 10; // the packed B panel is KC×NC (so static data fits asconfig's 16 initial pages)

/** Columns of C per micro-tile: two vectors. */
@inline
function NR<T>(): i32 {
  return 2 * lanes<T>();
}

/** Rows of A per packed block: 128 (f32) or 64 (f64). */
@inline
function MC<T>(): i32 {
  return A_BLOCK_BYTES / (KC * sizeof<T>());
}

/** Columns of B per packed panel: 512 (f32) or 256 (f64). */
@inline
function NC<T>(): i32 {
  return B_PANEL_BYTES / (KC * sizeof<T>());
}

const packedA = memory.data(A_BLOCK_BYTES, 64);
const packedB = memory.data(B_PANEL_BYTES, 64);
const edgeTile = memory.data(MR * 32, 64);

/**
 * Called by conv, linear layers and the model: C[M×N] = alpha·op(A)·op(B) + beta·C, all row-major.
 * op(A) is M×K (stored K×M when transA ≠ 0), op(B) is K×N (stored N×K when transB ≠ 0).
 * beta = 0 ignores C's old contents, NaN included.
 */
export function gemm<T>(
  transA: i32, transB: i32, M: i32, N: i32, K: i32, alpha: T,
  A: usize, lda: i32, B: usize, ldb: i32, beta: T, C: usize, ldc: i32,
): void {
  blockedProduct<T>(transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc, false);
}

/**
 * gemm with op(B) already packed by packB: for a B that many products share (Winograd's
 * transformed filters meet every block of tiles), so it is packed once rather than per call.
 */
export function gemmPackedB<T>(transA: i32, M: i32, N: i32, K: i32, alpha: T, A: usize, lda: i32, packed: usize, beta: T, C: usize, ldc: i32): void {
  blockedProduct<T>(transA, 0, M, N, K, alpha, A, lda, packed, 0, beta, C, ldc, true);
}

/** Elements packB writes for a K×N op(B): N rounded up to whole micro-panels. */
export function packedBElements<T>(K: i32, N: i32): i32 {
  return K * roundToPanels<T>(N);
}

/** Packs op(B) (K×N; stored N×K when transB ≠ 0) whole, panel after panel in the order gemm reads them. */
export function packB<T>(transB: i32, B: usize, ldb: i32, K: i32, N: i32, dst: usize): void {
  for (let jc = 0; jc < N; jc += NC<T>()) {
    const nc = min(NC<T>(), N - jc);
    for (let pc = 0; pc < K; pc += KC) {
      packPanelB<T>(transB, B, ldb, pc, jc, min(KC, K - pc), nc, dst + panelOffset<T>(K, jc, pc, nc));
    }
  }
}

@inline
function roundToPanels<T>(n: i32): i32 {
  return (n + NR<T>() - 1) / NR<T>() * NR<T>();
}

/** Where packB puts the panel of columns jc.. and depths pc..: every earlier column panel is a whole NC wide. */
@inline
function panelOffset<T>(K: i32, jc: i32, pc: i32, nc: i32): usize {
  return at<T>(jc * K + pc * roundToPanels<T>(nc));
}

@inline
function packPanelB<T>(transB: i32, B: usize, ldb: i32, pc: i32, jc: i32, kc: i32, nc: i32, dst: usize): void {
  if (transB) packColumns<T>(B, ldb, pc, jc, kc, nc, NR<T>(), dst);
  else packRows<T>(B, ldb, pc, jc, kc, nc, NR<T>(), dst);
}

function blockedProduct<T>(
  transA: i32, transB: i32, M: i32, N: i32, K: i32, alpha: T,
  A: usize, lda: i32, B: usize, ldb: i32, beta: T, C: usize, ldc: i32, prepacked: bool,
): void {
  if (beta != 0 && beta != 1) scaleMatrix<T>(C, M, N, ldc, beta);
  if (alpha == 0) {
    if (beta == 0) scaleMatrix<T>(C, M, N, ldc, 0);
    return;
  }
  for (let jc = 0; jc < N; jc += NC<T>()) {
    const nc = min(NC<T>(), N - jc);
    for (let pc = 0; pc < K; pc += KC) {
      const kc = min(KC, K - pc);
      let panel = packedB;
      if (prepacked) panel = B + panelOffset<T>(K, jc, pc, nc);
      else packPanelB<T>(transB, B, ldb, pc, jc, kc, nc, packedB);
      // With beta = 0 the first K block overwrites C instead of reading it.
      const overwrite = pc == 0 && beta == 0;
      for (let ic = 0; ic < M; ic += MC<T>()) {
        const mc = min(MC<T>(), M - ic);
        if (transA) packRows<T>(A, lda, pc, ic, kc, mc, MR, packedA);
        else packColumns<T>(A, lda, pc, ic, kc, mc, MR, packedA);
        macroKernel<T>(mc, nc, kc, alpha, panel, C + at<T>(ic * ldc + jc), ldc, overwrite);
      }
    }
  }
}

export function sgemm(
  transA: i32, transB: i32, M: i32, N: i32, K: i32, alpha: f32,
  A: usize, lda: i32, B: usize, ldb: i32, beta: f32, C: usize, ldc: i32,
): void {
  gemm<f32>(transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
}

export function sgemmF64(
  transA: i32, transB: i32, M: i32, N: i32, K: i32, alpha: f64,
  A: usize, lda: i32, B: usize, ldb: i32, beta: f64, C: usize, ldc: i32,
): void {
  gemm<f64>(transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
}

/** C[M×N] *= s, where s = 0 clears (so NaN does not survive). */
function scaleMatrix<T>(C: usize, M: i32, N: i32, ldc: i32, s: T): void {
  const sv = v128.splat<T>(s);
  for (let i = 0; i < M; i++) {
    const row = C + at<T>(i * ldc);
    let j = 0;
    for (; j + lanes<T>() <= N; j += lanes<T>()) {
      const p = row + at<T>(j);
      v128.store(p, s == 0 ? sv : v128.mul<T>(v128.load(p), sv));
    }
    for (; j < N; j++) {
      const p = row + at<T>(j);
      store<T>(p, s == 0 ? 0 : load<T>(p) * s);
    }
  }
}

function macroKernel<T>(mc: i32, nc: i32, kc: i32, alpha: T, panel: usize, C: usize, ldc: i32, overwrite: bool): void {
  for (let jr = 0; jr < nc; jr += NR<T>()) {
    const nr = min(NR<T>(), nc - jr);
    const bPanel = panel + at<T>(jr * kc);
    for (let ir = 0; ir < mc; ir += MR) {
      const mr = min(MR, mc - ir);
      const aPanel = packedA + at<T>(ir * kc);
      const c = C + at<T>(ir * ldc + jr);
      if (mr == MR && nr == NR<T>()) {
        microKernel<T>(kc, aPanel, bPanel, alpha, c, ldc, overwrite);
      } else {
        microKernel<T>(kc, aPanel, bPanel, alpha, edgeTile, NR<T>(), true);
        storeEdge<T>(mr, nr, c, ldc, overwrite);
      }
    }
  }
}

/** The MR×NR tile at c (row stride ldc values) gets alpha·Ap·Bp, overwriting or accumulating. */
function microKernel<T>(kc: i32, a: usize, b: usize, alpha: T, c: usize, ldc: i32, overwrite: bool): void {
  let c00 = v128.splat<T>(0), c01 = v128.splat<T>(0);
  let c10 = v128.splat<T>(0), c11 = v128.splat<T>(0);
  let c20 = v128.splat<T>(0), c21 = v128.splat<T>(0);
  let c30 = v128.splat<T>(0), c31 = v128.splat<T>(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let ai = v128.load_splat<T>(a);
    c00 = v128.add<T>(c00, v128.mul<T>(ai, b0));
    c01 = v128.add<T>(c01, v128.mul<T>(ai, b1));
    ai = v128.load_splat<T>(a, sizeof<T>());
    c10 = v128.add<T>(c10, v128.mul<T>(ai, b0));
    c11 = v128.add<T>(c11, v128.mul<T>(ai, b1));
    ai = v128.load_splat<T>(a, 2 * sizeof<T>());
    c20 = v128.add<T>(c20, v128.mul<T>(ai, b0));
    c21 = v128.add<T>(c21, v128.mul<T>(ai, b1));
    ai = v128.load_splat<T>(a, 3 * sizeof<T>());
    c30 = v128.add<T>(c30, v128.mul<T>(ai, b0));
    c31 = v128.add<T>(c31, v128.mul<T>(ai, b1));
    a += at<T>(MR);
    b += 32;
  }
  const va = v128.splat<T>(alpha);
  const rowBytes = at<T>(ldc);
  storeRow<T>(c, c00, c01, va, overwrite);
  storeRow<T>(c + rowBytes, c10, c11, va, overwrite);
  storeRow<T>(c + 2 * rowBytes, c20, c21, va, overwrite);
  storeRow<T>(c + 3 * rowBytes, c30, c31, va, overwrite);
}

@inline
function storeRow<T>(c: usize, lo: v128, hi: v128, alpha: v128, overwrite: bool): void {
  lo = v128.mul<T>(lo, alpha);
  hi = v128.mul<T>(hi, alpha);
  if (!overwrite) {
    lo = v128.add<T>(v128.load(c), lo);
    hi = v128.add<T>(v128.load(c, 16), hi);
  }
  v128.store(c, lo);
  v128.store(c, hi, 16);
}

/** Moves the valid mr×nr corner of edgeTile into C. */
function storeEdge<T>(mr: i32, nr: i32, c: usize, ldc: i32, overwrite: bool): void {
  for (let i = 0; i < mr; i++) {
    const src = edgeTile + at<T>(i * NR<T>());
    const dst = c + at<T>(i * ldc);
    for (let j = 0; j < nr; j++) {
      const o = at<T>(j);
      const v = load<T>(src + o);
      store<T>(dst + o, overwrite ? v : load<T>(dst + o) + v);
    }
  }
}

// Both packers fill dst[strip][p][lane] for p < kc and the `count` indices j0.. split into strips of
// `width` lanes (MR or NR); the last strip is zero-padded. They differ in how X is laid out.

/** Packs X(p, j) = src[(k0 + p)·ld + j0 + j]: each strip row is a contiguous run of src, read in order. */
function packRows<T>(src: usize, ld: i32, k0: i32, j0: i32, kc: i32, count: i32, width: i32, dst: usize): void {
  const stripBytes = at<T>(kc * width);
  const full = count - count % width;
  for (let p = 0; p < kc; p++) {
    const from = src + at<T>((k0 + p) * ld + j0);
    let to = dst + at<T>(p * width);
    for (let s = 0; s < full; s += width, to += stripBytes) {
      for (let q = 0; q < width; q += lanes<T>()) v128.store(to + at<T>(q), v128.load(from + at<T>(s + q)));
    }
    for (let q = 0; q < width && full < count; q++) {
      store<T>(to + at<T>(q), full + q < count ? load<T>(from + at<T>(full + q)) : 0);
    }
  }
}

/** Packs X(p, j) = src[(j0 + j)·ld + k0 + p]: a transposing gather, done in lanes×lanes blocks. */
function packColumns<T>(src: usize, ld: i32, k0: i32, j0: i32, kc: i32, count: i32, width: i32, dst: usize): void {
  const ldBytes = at<T>(ld);
  const stripBytes = at<T>(width);
  for (let s = 0; s < count; s += width) {
    const valid = min(width, count - s);
    const first = src + <usize>(j0 + s) * ldBytes + at<T>(k0);
    let p = 0;
    if (valid == width) {
      for (; p + lanes<T>() <= kc; p += lanes<T>()) {
        for (let q = 0; q < width; q += lanes<T>()) {
          transposeBlock<T>(first + <usize>q * ldBytes + at<T>(p), ldBytes, dst + <usize>p * stripBytes + at<T>(q), stripBytes);
        }
      }
    }
    for (; p < kc; p++) {
      const row = dst + <usize>p * stripBytes;
      for (let q = 0; q < width; q++) {
        store<T>(row + at<T>(q), q < valid ? load<T>(first + <usize>q * ldBytes + at<T>(p)) : 0);
      }
    }
    dst += <usize>kc * stripBytes;
  }
}
