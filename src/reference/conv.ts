// Plain-TS reference for assembly/conv.ts: direct convolution on CNHW activations with OIHW
// weights, summed in f64, plus im2col/col2im as plain index maps.
import type { Floats } from "./floats.js";

export interface ConvShape {
  C: number; N: number; H: number; W: number; O: number; k: number; stride: number; pad: number;
}

export function outputSize(size: number, k: number, stride: number, pad: number): number {
  return Math.floor((size + 2 * pad - k) / stride) + 1;
}

/** Calls visit(colIndex, xIndex) for every entry of the column matrix; xIndex = -1 where padded. */
function forEachTap(s: ConvShape, visit: (colIndex: number, xIndex: number) => void): void {
  const { C, N, H, W, k, stride, pad } = s;
  const Ho = outputSize(H, k, stride, pad), Wo = outputSize(W, k, stride, pad);
  const P = N * Ho * Wo;
  for (let c = 0; c < C; c++)
    for (let ky = 0; ky < k; ky++)
      for (let kx = 0; kx < k; kx++)
        for (let n = 0; n < N; n++)
          for (let oy = 0; oy < Ho; oy++)
            for (let ox = 0; ox < Wo; ox++) {
              const iy = oy * stride + ky - pad, ix = ox * stride + kx - pad;
              const inside = iy >= 0 && iy < H && ix >= 0 && ix < W;
              visit(((c * k + ky) * k + kx) * P + (n * Ho + oy) * Wo + ox, inside ? ((c * N + n) * H + iy) * W + ix : -1);
            }
}

/** col[C·k·k][N·Ho·Wo] = the input pixel under each tap (0 where padded). */
export function im2col(x: Floats, s: ConvShape, col: Floats): void {
  forEachTap(s, (ci, xi) => { col[ci] = xi < 0 ? 0 : x[xi]; });
}

/** dx += the adjoint of im2col applied to col. */
export function col2im(col: Floats, s: ConvShape, dx: Floats): void {
  forEachTap(s, (ci, xi) => { if (xi >= 0) dx[xi] += col[ci]; });
}

/** y[O][N][Ho][Wo] = Σ_c,ky,kx w[o][c][ky][kx]·x[c][n][iy][ix]. */
export function conv2dForward(x: Floats, w: Floats, s: ConvShape, y: Floats): void {
  const { C, N, H, W, O, k, stride, pad } = s;
  const Ho = outputSize(H, k, stride, pad), Wo = outputSize(W, k, stride, pad);
  for (let o = 0; o < O; o++)
    for (let n = 0; n < N; n++)
      for (let oy = 0; oy < Ho; oy++)
        for (let ox = 0; ox < Wo; ox++) {
          let sum = 0;
          for (let c = 0; c < C; c++)
            for (let ky = 0; ky < k; ky++)
              for (let kx = 0; kx < k; kx++) {
                const iy = oy * stride + ky - pad, ix = ox * stride + kx - pad;
                if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
                sum += w[((o * C + c) * k + ky) * k + kx] * x[((c * N + n) * H + iy) * W + ix];
              }
          y[((o * N + n) * Ho + oy) * Wo + ox] = sum;
        }
}

/** dw += dy·colᵀ and, when dx is given, dx += the input gradient. */
export function conv2dBackward(x: Floats, w: Floats, dy: Floats, s: ConvShape, dx: Floats | null, dw: Floats): void {
  const { C, N, H, W, O, k, stride, pad } = s;
  const Ho = outputSize(H, k, stride, pad), Wo = outputSize(W, k, stride, pad);
  for (let o = 0; o < O; o++)
    for (let c = 0; c < C; c++)
      for (let ky = 0; ky < k; ky++)
        for (let kx = 0; kx < k; kx++) {
          const wi = ((o * C + c) * k + ky) * k + kx;
          let sum = 0;
          for (let n = 0; n < N; n++)
            for (let oy = 0; oy < Ho; oy++)
              for (let ox = 0; ox < Wo; ox++) {
                const iy = oy * stride + ky - pad, ix = ox * stride + kx - pad;
                if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
                const g = dy[((o * N + n) * Ho + oy) * Wo + ox];
                const xi = ((c * N + n) * H + iy) * W + ix;
                sum += g * x[xi];
                if (dx) dx[xi] += g * w[wi];
              }
          dw[wi] += sum;
        }
}
