import { test } from "uvu";
import * as reference from "../../src/reference/conv.js";
import type { ConvShape } from "../../src/reference/conv.js";
import { check, testEachPrecision, type Op, type Precision } from "./check.js";

function sizes(s: ConvShape) {
  const Ho = reference.outputSize(s.H, s.k, s.stride, s.pad), Wo = reference.outputSize(s.W, s.k, s.stride, s.pad);
  return { Ho, Wo, taps: s.C * s.k * s.k, pixels: s.N * Ho * Wo };
}

/** y = conv(x, w); the backward fills dw and, unless withInputGradient is false (dx = 0), dx. */
function conv(p: Precision, s: ConvShape, withInputGradient = true): Op {
  const { C, N, H, W, O, k, stride, pad } = s;
  const { taps, pixels } = sizes(s);
  const x = p.random(C * N * H * W), w = p.random(O * taps);
  return {
    inputs: withInputGradient ? { x, w } : { w },
    reference: ({ w }) => {
      const y = p.zeros(O * pixels);
      reference.conv2dForward(x, w, s, y);
      return y;
    },
    forward: (run, at) => {
      const y = run.alloc(O * pixels);
      run.kernels.conv2dForward(at.x ?? run.put(x), at.w, C, N, H, W, O, k, stride, pad, y, run.alloc(taps * pixels));
      return run.read(y, O * pixels);
    },
    referenceBackward: ({ w }, dy) => {
      const dx = p.zeros(x.length), dw = p.zeros(w.length);
      reference.conv2dBackward(x, w, dy, s, dx, dw);
      return { x: dx, w: dw };
    },
    backward: (run, at, dy, grads) => {
      const dx = withInputGradient ? grads.x : 0;
      run.kernels.conv2dBackward(at.x ?? run.put(x), at.w, dy, C, N, H, W, O, k, stride, pad, dx, grads.w, run.alloc(taps * pixels));
    },
  };
}

/** col = im2col(x); its backward is col2im. */
function im2col(p: Precision, s: ConvShape): Op {
  const { C, N, H, W, k, stride, pad } = s;
  const { Ho, Wo, taps, pixels } = sizes(s);
  return {
    inputs: { x: p.random(C * N * H * W) },
    reference: ({ x }) => {
      const col = p.zeros(taps * pixels);
      reference.im2col(x, s, col);
      return col;
    },
    forward: (run, at) => {
      const col = run.alloc(taps * pixels);
      run.kernels.im2col(at.x, C, N, H, W, k, stride, pad, Ho, Wo, col);
      return run.read(col, taps * pixels);
    },
    referenceBackward: ({ x }, dcol) => {
      const dx = p.zeros(x.length);
      reference.col2im(dcol, s, dx);
      return { x: dx };
    },
    backward: (run, _at, dcol, grads) => run.kernels.col2im(dcol, C, N, H, W, k, stride, pad, Ho, Wo, grads.x),
  };
}

const shapes: Record<string, ConvShape> = {
  "k=3 s=1 p=1": { C: 3, N: 2, H: 5, W: 7, O: 5, k: 3, stride: 1, pad: 1 },
  "k=3 s=2 p=1": { C: 4, N: 2, H: 7, W: 6, O: 3, k: 3, stride: 2, pad: 1 },
  "k=1 s=1 p=0": { C: 5, N: 3, H: 3, W: 5, O: 6, k: 1, stride: 1, pad: 0 },
  "k=1 s=2 p=0": { C: 3, N: 2, H: 6, W: 5, O: 4, k: 1, stride: 2, pad: 0 },
  "k=3 s=1 p=0": { C: 2, N: 2, H: 4, W: 9, O: 3, k: 3, stride: 1, pad: 0 },
  "k=3 s=2 p=1 on 2×2": { C: 2, N: 1, H: 2, W: 2, O: 3, k: 3, stride: 2, pad: 1 },
  "k=3 s=1 p=1 on 1×4": { C: 2, N: 3, H: 1, W: 4, O: 2, k: 3, stride: 1, pad: 1 },
  "k=3 s=1 p=1 on 4×1": { C: 2, N: 3, H: 4, W: 1, O: 2, k: 3, stride: 1, pad: 1 },
};

for (const [name, shape] of Object.entries(shapes)) {
  testEachPrecision(`conv2d ${name} matches the direct reference and finite differences`, (p) => check(p, conv(p, shape)));
  testEachPrecision(`im2col/col2im ${name} match the reference and are adjoint`, (p) => check(p, im2col(p, shape)));
}

testEachPrecision("conv2d on an NB201-sized layer (16→16, 8×8, k=3) matches the reference", (p) =>
  check(p, conv(p, { C: 16, N: 4, H: 8, W: 8, O: 16, k: 3, stride: 1, pad: 1 }), { f32: { rtol: 2e-5 } }));

// 64 channels × 9 taps make the kernels split the pixels into chunks of 7 (s=1) or 14 (s=2)
// output rows in f32 (3 or 7 in f64), so chunk edges fall inside images.
testEachPrecision("conv2d k=3 s=1 across im2col chunks matches the reference and finite differences", (p) =>
  check(p, conv(p, { C: 64, N: 2, H: 16, W: 16, O: 4, k: 3, stride: 1, pad: 1 }), { f32: { rtol: 2e-5 } }));
testEachPrecision("conv2d k=3 s=2 across im2col chunks matches the reference and finite differences", (p) =>
  check(p, conv(p, { C: 64, N: 3, H: 16, W: 16, O: 4, k: 3, stride: 2, pad: 1 }), { f32: { rtol: 2e-5 } }));

testEachPrecision("conv2dBackward with dx = 0 still accumulates dw", (p) => check(p, conv(p, shapes["k=3 s=1 p=1"], false)));

test.run();
