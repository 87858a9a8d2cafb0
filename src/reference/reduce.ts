// Plain-TS reference for assembly/reduce.ts: f64 sums over n values.
import type { Floats } from "./floats.js";

export function sum(x: Floats, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  return s;
}

export function sumAbs(x: Floats, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(x[i]);
  return s;
}

export function sumSquares(x: Floats, n: number): number {
  return dot(x, x, n);
}

export function dot(a: Floats, b: Floats, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

export const sumProduct = dot;

export function sumAbsProduct(a: Floats, b: Floats, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(a[i] * b[i]);
  return s;
}
