import { test } from "uvu";
import * as reference from "../../src/reference/reduce.js";
import type { Floats } from "../../src/reference/floats.js";
import type { KernelExports } from "../../src/wasm/exports.js";
import { check, testEachPrecision, type Op, type Precision } from "./check.js";

type Reduction = [(a: Floats, b: Floats, n: number) => number, (k: KernelExports, a: number, b: number, n: number) => number];

const reductions: Record<string, Reduction> = {
  sum: [(a, _b, n) => reference.sum(a, n), (k, a, _b, n) => k.sum(a, n)],
  sumAbs: [(a, _b, n) => reference.sumAbs(a, n), (k, a, _b, n) => k.sumAbs(a, n)],
  sumSquares: [(a, _b, n) => reference.sumSquares(a, n), (k, a, _b, n) => k.sumSquares(a, n)],
  dot: [reference.dot, (k, a, b, n) => k.dot(a, b, n)],
  sumProduct: [reference.sumProduct, (k, a, b, n) => k.sumProduct(a, b, n)],
  sumAbsProduct: [reference.sumAbsProduct, (k, a, b, n) => k.sumAbsProduct(a, b, n)],
};

/** One reduction of n random values against the f64 reference. */
function reduction(p: Precision, [ref, kernel]: Reduction, n: number): Op {
  return {
    inputs: { a: p.random(n), b: p.random(n) },
    reference: ({ a, b }) => [ref(a, b, n)],
    forward: ({ kernels }, at) => [kernel(kernels, at.a, at.b, n)],
  };
}

for (const [name, pair] of Object.entries(reductions)) {
  testEachPrecision(`${name} is within 1e-6 (f32 inputs) or 1e-12 (f64) of an f64 sum for n = 1, 7, 130 and 1e6`, async (p) => {
    for (const n of [1, 7, 130, 1_000_000]) await check(p, reduction(p, pair, n), { f32: { rtol: 1e-6 } });
  });
}

test.run();
