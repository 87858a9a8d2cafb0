// Binary activation codes for NASWOT (Mellor et al., ICML 2021, "hook_logdet"): each sample's
// ReLU input becomes a bit string c = [x > 0], and the kernel matrix gains, for every pair of
// samples, the number of positions where their bits agree: K_ij += D − Hamming(c_i, c_j), which
// equals (C·Cᵀ + (1−C)(1−C)ᵀ)_ij. Packing 64 positions per u64 turns the N²·D comparisons into
// N²·D/64 popcounts (i64.popcnt).
//
// Code layout: N rows of C·W u64 words, W = ceil(HW/64). Word (c·W + w) of row n holds bit b =
// [x[c][n][64w + b] > 0]; a plane's last word is padded with zero bits, which agree in every row,
// so callers pass the true bit count D = C·HW and padding never counts. NaN packs as 0 (NaN > 0 is
// false, as in PyTorch).
import { at, lanes } from "./lanes";

/** Bits [x[i] > 0] for the lanes<T>() values at p, lane i in bit i. */
@inline
function positiveBits<T>(p: usize): u64 {
  if (sizeof<T>() == 4) return <u64>i32x4.bitmask(f32x4.gt(v128.load(p), f32x4.splat(0)));
  return <u64>i64x2.bitmask(f64x2.gt(v128.load(p), f64x2.splat(0)));
}

/**
 * Called by the nwot proxy on each ReLU input: reads channel-major x[C][N][HW] of T and writes the
 * N×(C·W) u64 code rows described above to `codes` (N·C·W·8 bytes, host-allocated).
 */
function packSignsOf<T>(x: usize, C: i32, N: i32, HW: i32, codes: usize): void {
  const W = (HW + 63) >> 6;
  const full = HW >> 6;
  for (let c = 0; c < C; c++) {
    for (let n = 0; n < N; n++) {
      const src = x + at<T>((c * N + n) * HW);
      const dst = codes + (<usize>((n * C + c) * W) << 3);
      for (let w = 0; w < full; w++) {
        const base = src + at<T>(w << 6);
        let word: u64 = 0;
        for (let b = 0; b < 64; b += lanes<T>()) word |= positiveBits<T>(base + at<T>(b)) << <u64>b;
        store<u64>(dst + (<usize>w << 3), word);
      }
      if (full < W) {
        let word: u64 = 0;
        for (let i = full << 6; i < HW; i++) word |= <u64>(load<T>(src + at<T>(i)) > 0) << <u64>(i & 63);
        store<u64>(dst + (<usize>full << 3), word);
      }
    }
  }
}
export function packSigns(x: usize, C: i32, N: i32, HW: i32, codes: usize): void { packSignsOf<f32>(x, C, N, HW, codes); }
export function packSignsF64(x: usize, C: i32, N: i32, HW: i32, codes: usize): void { packSignsOf<f64>(x, C, N, HW, codes); }

/**
 * Called by the nwot proxy after packSigns: reads N code rows of `words` u64 (`bits` of them
 * meaningful) and accumulates into the row-major N×N f64 matrix K:
 * K[i][j] += weight·(bits − popcount(row_i xor row_j)), the weighted count of agreeing bits.
 */
export function signAgreement(codes: usize, N: i32, words: i32, bits: i32, weight: f64, K: usize): void {
  const rowBytes = <usize>words << 3;
  for (let i = 0; i < N; i++) {
    const a = codes + <usize>i * rowBytes;
    const diagonal = K + (<usize>(i * N + i) << 3);
    store<f64>(diagonal, load<f64>(diagonal) + weight * <f64>bits);
    for (let j = i + 1; j < N; j++) {
      const b = codes + <usize>j * rowBytes;
      let differ: u64 = 0;
      for (let w: usize = 0; w < rowBytes; w += 8) differ += popcnt<u64>(load<u64>(a + w) ^ load<u64>(b + w));
      const agree = weight * <f64>(<i64>bits - <i64>differ);
      const ij = K + (<usize>(i * N + j) << 3), ji = K + (<usize>(j * N + i) << 3);
      store<f64>(ij, load<f64>(ij) + agree);
      store<f64>(ji, load<f64>(ji) + agree);
    }
  }
}
