// Plain-TS reference for assembly/pool.ts: average pools on `planes` contiguous H×W planes.
import type { Floats } from "./floats.js";

/** The in-bounds taps of the 3×3 window at (r, c): count_include_pad = False. */
function window3x3(r: number, c: number, H: number, W: number): number[] {
  const taps: number[] = [];
  for (let y = Math.max(0, r - 1); y <= Math.min(H - 1, r + 1); y++)
    for (let x = Math.max(0, c - 1); x <= Math.min(W - 1, c + 1); x++) taps.push(y * W + x);
  return taps;
}

/** 3×3, stride 1, pad 1: y = mean of the in-bounds taps. */
export function avgPool3x3Forward(x: Floats, planes: number, H: number, W: number, y: Floats): void {
  for (let p = 0; p < planes; p++)
    for (let r = 0; r < H; r++)
      for (let c = 0; c < W; c++) {
        const taps = window3x3(r, c, H, W);
        let sum = 0;
        for (const t of taps) sum += x[p * H * W + t];
        y[p * H * W + r * W + c] = sum / taps.length;
      }
}

/** dx += dy spread evenly over each window's taps. */
export function avgPool3x3Backward(dy: Floats, planes: number, H: number, W: number, dx: Floats): void {
  for (let p = 0; p < planes; p++)
    for (let r = 0; r < H; r++)
      for (let c = 0; c < W; c++) {
        const taps = window3x3(r, c, H, W);
        for (const t of taps) dx[p * H * W + t] += dy[p * H * W + r * W + c] / taps.length;
      }
}

/** 2×2, stride 2 (H, W even): y[p][i][j] = mean of x[p][2i..2i+1][2j..2j+1]. */
export function avgPool2x2Forward(x: Floats, planes: number, H: number, W: number, y: Floats): void {
  const Ho = H / 2, Wo = W / 2;
  for (let p = 0; p < planes; p++)
    for (let i = 0; i < Ho; i++)
      for (let j = 0; j < Wo; j++) {
        const at = (r: number, c: number) => x[(p * H + r) * W + c];
        y[(p * Ho + i) * Wo + j] = (at(2 * i, 2 * j) + at(2 * i, 2 * j + 1) + at(2 * i + 1, 2 * j) + at(2 * i + 1, 2 * j + 1)) / 4;
      }
}

/** dx += dy/4 on each 2×2 window (H, W are the input sizes). */
export function avgPool2x2Backward(dy: Floats, planes: number, H: number, W: number, dx: Floats): void {
  const Ho = H / 2, Wo = W / 2;
  for (let p = 0; p < planes; p++)
    for (let r = 0; r < H; r++)
      for (let c = 0; c < W; c++) dx[(p * H + r) * W + c] += dy[(p * Ho + (r >> 1)) * Wo + (c >> 1)] / 4;
}

/** y[p] = mean of plane p. */
export function globalAvgPoolForward(x: Floats, planes: number, HW: number, y: Floats): void {
  for (let p = 0; p < planes; p++) {
    let sum = 0;
    for (let i = 0; i < HW; i++) sum += x[p * HW + i];
    y[p] = sum / HW;
  }
}

/** dx[p][i] += dy[p]/HW. */
export function globalAvgPoolBackward(dy: Floats, planes: number, HW: number, dx: Floats): void {
  for (let p = 0; p < planes; p++)
    for (let i = 0; i < HW; i++) dx[p * HW + i] += dy[p] / HW;
}
