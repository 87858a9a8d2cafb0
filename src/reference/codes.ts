// Plain-TS reference for assembly/codes.ts (NASWOT binary codes). A u64 code word is viewed as
// two little-endian u32 halves: word w of a row is halves 2w (bits 0–31) and 2w+1 (bits 32–63).
import type { Floats } from "./floats.js";

/** x[C][N][HW] → N rows of C·ceil(HW/64) words; bit p of plane (c, n) is [x > 0] (padding 0). */
export function packSigns(x: Floats, C: number, N: number, HW: number, codes: Uint32Array): void {
  const W = Math.ceil(HW / 64);
  codes.fill(0, 0, N * C * W * 2);
  for (let c = 0; c < C; c++) {
    for (let n = 0; n < N; n++) {
      for (let p = 0; p < HW; p++) {
        if (!(x[(c * N + n) * HW + p] > 0)) continue;
        const half = ((n * C + c) * W + Math.floor(p / 64)) * 2 + Math.floor((p % 64) / 32);
        codes[half] = (codes[half] | (1 << p % 32)) >>> 0;
      }
    }
  }
}

/** K[i][j] += weight·(bits − Hamming(row_i, row_j)) over rows of `words` u64 words. */
export function signAgreement(codes: Uint32Array, N: number, words: number, bits: number, weight: number, K: Floats): void {
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      let differ = 0;
      for (let h = 0; h < 2 * words; h++) differ += popcount32(codes[i * 2 * words + h] ^ codes[j * 2 * words + h]);
      K[i * N + j] += weight * (bits - differ);
    }
  }
}

function popcount32(v: number): number {
  let count = 0;
  for (let u = v >>> 0; u !== 0; u >>>= 1) count += u & 1;
  return count;
}
