import { test } from "uvu";
import * as reference from "../../src/reference/elementwise.js";
import type { Floats } from "../../src/reference/floats.js";
import { check, testEachPrecision, type Op, type Pointers, type Precision, type Session, type Values } from "./check.js";

const SIZES = [1, 3, 4, 17, 130];

/** A forward-only kernel writing `outSize` values from the named inputs. */
function writes(p: Precision, inputs: Values, outSize: number, ref: (v: Values, y: Floats) => void, kernel: (s: Session, at: Pointers, y: number) => void, initial?: Floats): Op {
  return {
    inputs,
    reference: (v) => {
      const y = initial ? initial.slice() : p.zeros(outSize);
      ref(v, y);
      return y;
    },
    forward: (s, at) => {
      const y = initial ? s.put(initial) : s.alloc(outSize);
      kernel(s, at, y);
      return s.read(y, outSize);
    },
  };
}

/** Inputs at least 0.1 from the ReLU kink, so central differences with eps = 1e-2 see a smooth function. */
function awayFromZero(p: Precision, n: number): Floats {
  return p.random(n).map((v) => v + Math.sign(v) * 0.1);
}

function relu(p: Precision, n: number): Op {
  return {
    ...writes(p, { x: awayFromZero(p, n) }, n, ({ x }, y) => reference.reluForward(x, n, y), (s, at, y) => s.kernels.reluForward(at.x, n, y)),
    referenceBackward: ({ x }, dy) => {
      const dx = p.zeros(n);
      reference.reluBackward(x, dy, n, dx);
      return { x: dx };
    },
    backward: (s, at, dy, grads) => s.kernels.reluBackward(at.x, dy, n, grads.x),
  };
}

for (const n of SIZES) {
  testEachPrecision(`relu on ${n} values matches the reference and finite differences`, (p) => check(p, relu(p, n)));

  testEachPrecision(`add, accumulate, mul, scale, axpy and fill on ${n} values match the reference`, async (p) => {
    const a = p.random(n), b = p.random(n), y0 = p.random(n);
    await check(p, writes(p, { a, b }, n, (v, y) => reference.add(v.a, v.b, n, y), (s, at, y) => s.kernels.add(at.a, at.b, n, y)));
    await check(p, writes(p, { a }, n, (v, y) => reference.accumulate(v.a, n, y), (s, at, y) => s.kernels.accumulate(at.a, n, y), y0));
    await check(p, writes(p, { a, b }, n, (v, y) => reference.mul(v.a, v.b, n, y), (s, at, y) => s.kernels.mul(at.a, at.b, n, y)));
    await check(p, writes(p, { a }, n, (v, y) => reference.scale(v.a, n, -0.3, y), (s, at, y) => s.kernels.scale(at.a, n, -0.3, y)));
    await check(p, writes(p, { a }, n, (v, y) => reference.axpy(n, 0.7, v.a, y), (s, at, y) => s.kernels.axpy(n, 0.7, at.a, y), y0));
    await check(p, writes(p, {}, n, (_v, y) => reference.fill(y, n, 0.25), (s, _at, y) => s.kernels.fill(y, n, 0.25), y0));
  });
}

for (const [rows, cols] of [[1, 1], [3, 5], [4, 8], [17, 10], [33, 130]]) {
  testEachPrecision(`transpose, biasAddRows and sumRows on ${rows}×${cols} match the reference`, async (p) => {
    const x = p.random(rows * cols), b = p.random(cols);
    await check(p, writes(p, { x }, rows * cols, (v, y) => reference.transpose(v.x, rows, cols, y), (s, at, y) => s.kernels.transpose(at.x, rows, cols, y)));
    await check(p, writes(p, { b }, rows * cols, (v, y) => reference.biasAddRows(y, rows, cols, v.b), (s, at, y) => s.kernels.biasAddRows(y, rows, cols, at.b), x));
    await check(p, writes(p, { x }, cols, (v, y) => reference.sumRows(v.x, rows, cols, y), (s, at, y) => s.kernels.sumRows(at.x, rows, cols, y), b));
  });
}

test.run();
