import { test } from "uvu";
import * as reference from "../../src/reference/conv.js";
import { check, testEachPrecision, type Op, type Precision } from "./check.js";

// F(4×4, 3×3) rounds more than a direct sum: over the shapes below and NB201's (C = O ≤ 70,
// N ≤ 16, sides ≤ 32, values uniform in [−1, 1)), the worst f32 error per element, relative to
// max(|reference|, its rms), was 2.7e-5 for y, 3.8e-5 for dx and 2.9e-5 for dw (im2col: ≤ 2e-6).
// The conv is linear in x and in w, so a large finite-difference step costs no truncation error
// and keeps that rounding (in the tiles a step touches) small next to the difference. Every tap
// moves every transformed filter value, so even taps that only ever meet padding (zero gradient)
// show rounding noise: more samples make it unlikely that all of them are such taps.
const TOLERANCES = { f32: { rtol: 1e-4, eps: 0.5, samples: 24 }, f64: { eps: 1e-3, samples: 24 } };

interface Shape {
  C: number; N: number; H: number; W: number; O: number;
}

/**
 * y = conv3x3(x, w) with stride 1 and pad 1. The backward differentiates the inputs named in
 * `wrt` and passes 0 for the other gradient. y and the scratch start as NaN, so the forward must
 * overwrite y and neither kernel may read scratch it has not written.
 */
function winograd(p: Precision, s: Shape, wrt: ("x" | "w")[] = ["x", "w"]): Op {
  const { C, N, H, W, O } = s;
  const geometry = { ...s, k: 3, stride: 1, pad: 1 };
  const values = { x: p.random(C * N * H * W), w: p.random(O * C * 9) };
  const nan = (n: number) => p.zeros(n).fill(NaN);
  const inputs = Object.fromEntries(wrt.map((name) => [name, values[name]]));
  return {
    inputs,
    reference: (v) => {
      const y = p.zeros(O * N * H * W);
      reference.conv2dForward(v.x ?? values.x, v.w ?? values.w, geometry, y);
      return y;
    },
    forward: (run, at) => {
      const y = run.put(nan(O * N * H * W));
      const scratch = run.put(nan(run.kernels.winogradScratchFloats(C, N, H, W, O)));
      run.kernels.winogradConv3x3Forward(at.x ?? run.put(values.x), at.w ?? run.put(values.w), C, N, H, W, O, y, scratch);
      return run.read(y, O * N * H * W);
    },
    referenceBackward: (v, dy) => {
      const dx = p.zeros(C * N * H * W), dw = p.zeros(O * C * 9);
      reference.conv2dBackward(v.x ?? values.x, v.w ?? values.w, dy, geometry, dx, dw);
      return { x: dx, w: dw };
    },
    backward: (run, at, dy, grads) => {
      const scratch = run.put(nan(run.kernels.winogradScratchFloats(C, N, H, W, O)));
      run.kernels.winogradConv3x3Backward(at.x ?? run.put(values.x), at.w ?? run.put(values.w), dy, C, N, H, W, O, grads.x ?? 0, grads.w ?? 0, scratch);
    },
  };
}

// Sides 1–3 are one clipped tile, 5 and 9 leave a ragged tile, 8–32 are NB201's; channel counts
// that are not a multiple of 4 fill only part of the last lane group. The NB201 layers at batch 16
// (64 tiles an image in stage 1, 4 in stage 3) take several tile blocks.
const shapes: Record<string, Shape> = {
  "1→1 channels, N=1, 1×1": { C: 1, N: 1, H: 1, W: 1, O: 1 },
  "2→3 channels, N=3, 2×2": { C: 2, N: 3, H: 2, W: 2, O: 3 },
  "3→5 channels, N=2, 3×5": { C: 3, N: 2, H: 3, W: 5, O: 5 },
  "4→4 channels, N=2, 8×8": { C: 4, N: 2, H: 8, W: 8, O: 4 },
  "5→7 channels, N=1, 1×9": { C: 5, N: 1, H: 1, W: 9, O: 7 },
  "7→2 channels, N=3, 9×1": { C: 7, N: 3, H: 9, W: 1, O: 2 },
  "6→9 channels, N=2, 5×16": { C: 6, N: 2, H: 5, W: 16, O: 9 },
  "16→16 channels, N=4, 8×8": { C: 16, N: 4, H: 8, W: 8, O: 16 },
  "32→32 channels, N=3, 16×16": { C: 32, N: 3, H: 16, W: 16, O: 32 },
  "70→33 channels, N=2, 5×3": { C: 70, N: 2, H: 5, W: 3, O: 33 },
  "33→70 channels, N=1, 3×2": { C: 33, N: 1, H: 3, W: 2, O: 70 },
  "NB201 stage 1 (16→16, N=16, 32×32)": { C: 16, N: 16, H: 32, W: 32, O: 16 },
  "NB201 stage 3 (64→64, N=16, 8×8)": { C: 64, N: 16, H: 8, W: 8, O: 64 },
  // Past gemm's blocks (KC = 256 deep, NC = 512 / 256 wide in f32 / f64): the transformed filters
  // are packed once per conv as several ragged panels, which every block of tiles then reads.
  "259→517 channels, N=1, 4×4": { C: 259, N: 1, H: 4, W: 4, O: 517 },
};

for (const [name, shape] of Object.entries(shapes)) {
  testEachPrecision(`winograd conv3x3 ${name} matches the direct reference and finite differences`, (p) => check(p, winograd(p, shape), TOLERANCES));
}

for (const [wanted, skipped] of [["w", "x"], ["x", "w"]] as const) {
  testEachPrecision(`winogradConv3x3Backward with d${skipped} = 0 still accumulates d${wanted}`, (p) =>
    check(p, winograd(p, shapes["6→9 channels, N=2, 5×16"], [wanted]), TOLERANCES));
}

test.run();
