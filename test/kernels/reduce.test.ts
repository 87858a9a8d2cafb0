import { test } from "uvu";
import * as reference from "../../src/reference/reduce.js";
import type { KernelExports } from "../../src/wasm/exports.js";
import { check, random, type Op } from "./check.js";

type Reduction = [(a: Float32Array, b: Float32Array, n: number) => number, (k: KernelExports, a: number, b: number, n: number) => number];

const reductions: Record<string, Reduction> = {
  sum: [(a, _b, n) => reference.sum(a, n), (k, a, _b, n) => k.sum(a, n)],
  sumAbs: [(a, _b, n) => reference.sumAbs(a, n), (k, a, _b, n) => k.sumAbs(a, n)],
  sumSquares: [(a, _b, n) => reference.sumSquares(a, n), (k, a, _b, n) => k.sumSquares(a, n)],
  dot: [reference.dot, (k, a, b, n) => k.dot(a, b, n)],
  sumProduct: [reference.sumProduct, (k, a, b, n) => k.sumProduct(a, b, n)],
  sumAbsProduct: [reference.sumAbsProduct, (k, a, b, n) => k.sumAbsProduct(a, b, n)],
};

/** One reduction of n random values against the f64 reference. */
function reduction([ref, kernel]: Reduction, n: number): Op {
  return {
    inputs: { a: random(n), b: random(n) },
    reference: ({ a, b }) => [ref(a, b, n)],
    forward: ({ kernels }, at) => [kernel(kernels, at.a, at.b, n)],
  };
}

for (const [name, pair] of Object.entries(reductions)) {
  test(`${name} is within 1e-6 of an f64 sum for n = 1, 7, 130 and 1e6`, async () => {
    for (const n of [1, 7, 130, 1_000_000]) await check(reduction(pair, n), { rtol: 1e-6 });
  });
}

test.run();
