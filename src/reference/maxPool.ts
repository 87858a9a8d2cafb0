// Plain-TS reference for assembly/maxPool.ts: max pools on `planes` contiguous H×W planes, as
// PyTorch's CPU kernel computes them (aten/src/ATen/native/cpu/MaxPoolKernel.cpp): each window is
// clipped to the plane (padding is −inf, so it never wins) and scanned row-major from maximum −inf
// at the first in-bounds tap, taking a tap when `value > maximum || isnan(value)`. So ties go to
// the first maximum, a NaN wins (the last NaN of the window), and an all −inf window keeps its
// first tap. The backward accumulates dy at that tap.
import type { Floats } from "./floats.js";

/** The winning tap of the window rows [top, bottom] × columns [left, right] of plane `base`. */
function argmax(x: Floats, base: number, W: number, top: number, bottom: number, left: number, right: number): number {
  let maximum = -Infinity;
  let best = base + top * W + left;
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++) {
      const value = x[base + r * W + c];
      if (value > maximum || Number.isNaN(value)) {
        maximum = value;
        best = base + r * W + c;
      }
    }
  return best;
}

/** The winning tap of each output (r, c) of a 3×3, stride-1, pad-1 pool, in output order. */
function argmax3x3(x: Floats, planes: number, H: number, W: number, visit: (output: number, tap: number) => void): void {
  for (let p = 0; p < planes; p++)
    for (let r = 0; r < H; r++)
      for (let c = 0; c < W; c++) {
        const tap = argmax(x, p * H * W, W, Math.max(0, r - 1), Math.min(H - 1, r + 1), Math.max(0, c - 1), Math.min(W - 1, c + 1));
        visit((p * H + r) * W + c, tap);
      }
}

/** The winning tap of each output (i, j) of a 2×2, stride-2 pool (H, W even), in output order. */
function argmax2x2(x: Floats, planes: number, H: number, W: number, visit: (output: number, tap: number) => void): void {
  const Ho = H / 2, Wo = W / 2;
  for (let p = 0; p < planes; p++)
    for (let i = 0; i < Ho; i++)
      for (let j = 0; j < Wo; j++) visit((p * Ho + i) * Wo + j, argmax(x, p * H * W, W, 2 * i, 2 * i + 1, 2 * j, 2 * j + 1));
}

/** 3×3, stride 1, pad 1: y = max of the in-bounds taps. */
export function maxPool3x3Forward(x: Floats, planes: number, H: number, W: number, y: Floats): void {
  argmax3x3(x, planes, H, W, (output, tap) => (y[output] = x[tap]));
}

/** dx[argmax] += dy for every 3×3 window (windows overlap, so a tap can collect several). */
export function maxPool3x3Backward(x: Floats, dy: Floats, planes: number, H: number, W: number, dx: Floats): void {
  argmax3x3(x, planes, H, W, (output, tap) => (dx[tap] += dy[output]));
}

/** 2×2, stride 2 (H, W even): y[p][i][j] = max of x[p][2i..2i+1][2j..2j+1]. */
export function maxPool2x2Forward(x: Floats, planes: number, H: number, W: number, y: Floats): void {
  argmax2x2(x, planes, H, W, (output, tap) => (y[output] = x[tap]));
}

/** dx[argmax] += dy on each 2×2 window (H, W are the input sizes). */
export function maxPool2x2Backward(x: Floats, dy: Floats, planes: number, H: number, W: number, dx: Floats): void {
  argmax2x2(x, planes, H, W, (output, tap) => (dx[tap] += dy[output]));
}
