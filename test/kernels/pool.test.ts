import { test } from "uvu";
import * as reference from "../../src/reference/pool.js";
import type { Floats } from "../../src/reference/floats.js";
import type { KernelExports } from "../../src/wasm/exports.js";
import { check, testEachPrecision, type Op, type Precision } from "./check.js";

type PoolForward = (x: Floats, planes: number, H: number, W: number, y: Floats) => void;
type WasmPool = (k: KernelExports) => (x: number, planes: number, H: number, W: number, y: number) => void;

/** A pool as an op: forward maps planes×H×W inputs to `outSize` outputs; the backward fills dx. */
function pool(p: Precision, planes: number, H: number, W: number, outSize: number, ref: { forward: PoolForward; backward: PoolForward }, wasm: { forward: WasmPool; backward: WasmPool }): Op {
  const n = planes * H * W;
  return {
    inputs: { x: p.random(n) },
    reference: ({ x }) => {
      const y = p.zeros(outSize);
      ref.forward(x, planes, H, W, y);
      return y;
    },
    forward: (s, at) => {
      const y = s.alloc(outSize);
      wasm.forward(s.kernels)(at.x, planes, H, W, y);
      return s.read(y, outSize);
    },
    referenceBackward: (_v, dy) => {
      const dx = p.zeros(n);
      ref.backward(dy, planes, H, W, dx);
      return { x: dx };
    },
    backward: (s, _at, dy, grads) => wasm.backward(s.kernels)(dy, planes, H, W, grads.x),
  };
}

const avgPool3x3 = (p: Precision, planes: number, H: number, W: number) => pool(p, planes, H, W, planes * H * W,
  { forward: reference.avgPool3x3Forward, backward: reference.avgPool3x3Backward },
  { forward: (k) => k.avgPool3x3Forward, backward: (k) => k.avgPool3x3Backward });

const avgPool2x2 = (p: Precision, planes: number, H: number, W: number) => pool(p, planes, H, W, planes * H * W / 4,
  { forward: reference.avgPool2x2Forward, backward: reference.avgPool2x2Backward },
  { forward: (k) => k.avgPool2x2Forward, backward: (k) => k.avgPool2x2Backward });

// The global pool sees each plane as one row of H·W values.
const globalAvgPool = (p: Precision, planes: number, HW: number) => pool(p, planes, 1, HW, planes,
  { forward: (x, p, _H, W, y) => reference.globalAvgPoolForward(x, p, W, y), backward: (dy, p, _H, W, dx) => reference.globalAvgPoolBackward(dy, p, W, dx) },
  { forward: (k) => (x, p, _H, W, y) => k.globalAvgPoolForward(x, p, W, y), backward: (k) => (dy, p, _H, W, dx) => k.globalAvgPoolBackward(dy, p, W, dx) });

for (const [planes, H, W] of [[3, 2, 2], [2, 3, 5], [2, 5, 3], [2, 1, 4], [2, 4, 1], [2, 8, 8], [1, 6, 13]]) {
  testEachPrecision(`avgPool3x3 on ${planes}×${H}×${W} matches the reference and finite differences`, (p) => check(p, avgPool3x3(p, planes, H, W)));
}

for (const [planes, H, W] of [[3, 2, 2], [2, 4, 6], [2, 6, 10], [1, 8, 16]]) {
  testEachPrecision(`avgPool2x2 on ${planes}×${H}×${W} matches the reference and finite differences`, (p) => check(p, avgPool2x2(p, planes, H, W)));
}

for (const [planes, HW] of [[3, 1], [4, 7], [2, 64]]) {
  testEachPrecision(`globalAvgPool on ${planes}×${HW} matches the reference and finite differences`, (p) => check(p, globalAvgPool(p, planes, HW)));
}

test.run();
