// Reductions of f32 or f64 vectors to one f64, used by the proxies (norms, snip, synflow) and by
// batch-norm statistics. f32 lanes are widened to f64 before any arithmetic, so products are
// exact and the sums carry f64 rounding only: two f64x2 accumulators per 4 values.
import { at } from "./lanes";

// What each term of the sum is; reduce() is inlined with a constant `term`, so the branches fold away.
const SUM: i32 = 0; // a
const SUM_ABS: i32 = 1; // |a|
const CENTERED_PRODUCT: i32 = 2; // (a − aMean)·(b − bMean)
const ABS_PRODUCT: i32 = 3; // |a·b|

@inline
function termF64(term: i32, a: f64, aMean: f64, b: f64, bMean: f64): f64 {
  if (term == SUM) return a;
  if (term == SUM_ABS) return Math.abs(a);
  if (term == CENTERED_PRODUCT) return (a - aMean) * (b - bMean);
  return Math.abs(a * b);
}

@inline
function termF64x2(term: i32, a: v128, aMean: v128, b: v128, bMean: v128): v128 {
  if (term == SUM) return a;
  if (term == SUM_ABS) return f64x2.abs(a);
  if (term == CENTERED_PRODUCT) return f64x2.mul(f64x2.sub(a, aMean), f64x2.sub(b, bMean));
  return f64x2.abs(f64x2.mul(a, b));
}

/** The two values of T at p as an f64x2. */
@inline
function pairF64<T>(p: usize): v128 {
  if (sizeof<T>() == 4) return f64x2.promote_low_f32x4(v128.load64_zero(p));
  return v128.load(p);
}

@inline
function reduce<T>(term: i32, a: usize, aMean: f64, b: usize, bMean: f64, n: i32): f64 {
  const am = f64x2.splat(aMean), bm = f64x2.splat(bMean);
  let lo = f64x2.splat(0), hi = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = at<T>(i), oHigh = at<T>(i + 2);
    lo = f64x2.add(lo, termF64x2(term, pairF64<T>(a + o), am, pairF64<T>(b + o), bm));
    hi = f64x2.add(hi, termF64x2(term, pairF64<T>(a + oHigh), am, pairF64<T>(b + oHigh), bm));
  }
  const both = f64x2.add(lo, hi);
  let s = f64x2.extract_lane(both, 0) + f64x2.extract_lane(both, 1);
  for (; i < n; i++) {
    const o = at<T>(i);
    s += termF64(term, <f64>load<T>(a + o), aMean, <f64>load<T>(b + o), bMean);
  }
  return s;
}

/** Called by proxies and batchNormForward: Σ x[i] over n values. */
export function sumOf<T>(x: usize, n: i32): f64 {
  return reduce<T>(SUM, x, 0, x, 0, n);
}
export function sum(x: usize, n: i32): f64 {
  return sumOf<f32>(x, n);
}
export function sumF64(x: usize, n: i32): f64 {
  return sumOf<f64>(x, n);
}

/** Called by proxies (e.g. synflow): Σ |x[i]|. */
function sumAbsOf<T>(x: usize, n: i32): f64 {
  return reduce<T>(SUM_ABS, x, 0, x, 0, n);
}
export function sumAbs(x: usize, n: i32): f64 {
  return sumAbsOf<f32>(x, n);
}
export function sumAbsF64(x: usize, n: i32): f64 {
  return sumAbsOf<f64>(x, n);
}

/** Called by proxies (e.g. grad_norm): Σ x[i]². */
function sumSquaresOf<T>(x: usize, n: i32): f64 {
  return reduce<T>(CENTERED_PRODUCT, x, 0, x, 0, n);
}
export function sumSquares(x: usize, n: i32): f64 {
  return sumSquaresOf<f32>(x, n);
}
export function sumSquaresF64(x: usize, n: i32): f64 {
  return sumSquaresOf<f64>(x, n);
}

/** Called by proxies: Σ a[i]·b[i] (exported as both dot and sumProduct). */
function dotOf<T>(a: usize, b: usize, n: i32): f64 {
  return reduce<T>(CENTERED_PRODUCT, a, 0, b, 0, n);
}
export function dot(a: usize, b: usize, n: i32): f64 {
  return dotOf<f32>(a, b, n);
}
export function dotF64(a: usize, b: usize, n: i32): f64 {
  return dotOf<f64>(a, b, n);
}

/** Called by proxies (e.g. snip): Σ |a[i]·b[i]|. */
function sumAbsProductOf<T>(a: usize, b: usize, n: i32): f64 {
  return reduce<T>(ABS_PRODUCT, a, 0, b, 0, n);
}
export function sumAbsProduct(a: usize, b: usize, n: i32): f64 {
  return sumAbsProductOf<f32>(a, b, n);
}
export function sumAbsProductF64(a: usize, b: usize, n: i32): f64 {
  return sumAbsProductOf<f64>(a, b, n);
}

/**
 * Called by batch norm: Σ (a[i] − aMean)·(b[i] − bMean). Variance and the backward sum use the
 * centred form because Σab − n·μa·μb cancels catastrophically when |μ| ≫ σ.
 */
export function centeredDot<T>(a: usize, aMean: f64, b: usize, bMean: f64, n: i32): f64 {
  return reduce<T>(CENTERED_PRODUCT, a, aMean, b, bMean, n);
}
