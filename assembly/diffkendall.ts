// ParZC's DiffKendall loss (parzc-method.md §3.1; PicoNAS piconas/core/losses/diffkd.py): over the
// n predictions x and targets y of a batch,
//   L = −(1/C) Σ_{i≠j} tanh(αΔx_ij/2)·tanh(αΔy_ij/2),  C = n(n−1)/2,  Δx_ij = x_i − x_j,
// i.e. the ordered-pair sum (each unordered pair twice) over the unordered-pair count, negated.
// Both factors are odd in (i, j), so the sum is twice the sum over i < j, and only that half is swept.
//
// No tanh in the O(n²) loop: with a_i = e^{α(x_i − m)} (any shift m), tanh(α(x_i − x_j)/2) =
// (a_i − a_j)/(a_i + a_j) exactly, so each pair costs two divisions, done a v128 of j at a time.
// m is the midrange of x; when α·range/2 exceeds the exponent range of T the kernel falls back to
// tanh per pair. Gradient: ∂L/∂x_i = −(α/C) Σ_j (1 − tanh²(αΔx_ij/2))·tanh(αΔy_ij/2).
// Generic over T = f32 | f64 (sums in f64 per row); exported as name and name + F64.
import { at, lanes } from "./lanes";
import { laneSum } from "./vmath";

/** Largest α·range/2 the exponential form accepts: e^±limit and their sums stay finite and normal. */
@inline
function expLimit<T>(): f64 {
  return sizeof<T>() == 4 ? 40 : 300;
}

/** out[i] = e^{α(v_i − midrange)}; false when the range is too wide for T (then out is unused). */
function exponentials<T>(v: usize, n: i32, alpha: f64, out: usize): bool {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const value = <f64>load<T>(v + at<T>(i));
    lo = min(lo, value);
    hi = max(hi, value);
  }
  if (Math.abs(alpha) * (hi - lo) / 2 > expLimit<T>()) return false;
  const middle = (hi + lo) / 2;
  for (let i = 0; i < n; i++) store<T>(out + at<T>(i), <T>Math.exp(alpha * (<f64>load<T>(v + at<T>(i)) - middle)));
  return true;
}

/**
 * Σ_{i<j} tx_ij·ty_ij (withGrad false), or Σ_{i<j} (1 − tx²)·ty while adding k·h to dx_i and
 * subtracting it from dx_j (withGrad true). a, b hold the exponentials of x and y.
 */
@inline
function sweepExp<T>(withGrad: bool, a: usize, b: usize, n: i32, k: T, dx: usize): f64 {
  const one = v128.splat<T>(1), kv = v128.splat<T>(k);
  let total: f64 = 0;
  for (let i = 0; i < n - 1; i++) {
    const ais = load<T>(a + at<T>(i)), bis = load<T>(b + at<T>(i));
    const ai = v128.splat<T>(ais), bi = v128.splat<T>(bis);
    let acc = v128.splat<T>(0);
    let j = i + 1;
    for (; j + lanes<T>() <= n; j += lanes<T>()) {
      const aj = v128.load(a + at<T>(j)), bj = v128.load(b + at<T>(j));
      const tx = v128.div<T>(v128.sub<T>(ai, aj), v128.add<T>(ai, aj));
      const ty = v128.div<T>(v128.sub<T>(bi, bj), v128.add<T>(bi, bj));
      if (withGrad) {
        const h = v128.mul<T>(v128.sub<T>(one, v128.mul<T>(tx, tx)), ty);
        acc = v128.add<T>(acc, h);
        const p = dx + at<T>(j);
        v128.store(p, v128.sub<T>(v128.load(p), v128.mul<T>(kv, h)));
      } else {
        acc = v128.add<T>(acc, v128.mul<T>(tx, ty));
      }
    }
    let row = laneSum<T>(acc);
    for (; j < n; j++) {
      const aj = load<T>(a + at<T>(j)), bj = load<T>(b + at<T>(j));
      const tx = (ais - aj) / (ais + aj);
      const ty = (bis - bj) / (bis + bj);
      if (withGrad) {
        const h = (<T>1 - tx * tx) * ty;
        row += <f64>h;
        const p = dx + at<T>(j);
        store<T>(p, load<T>(p) - k * h);
      } else {
        row += <f64>(tx * ty);
      }
    }
    if (withGrad) store<T>(dx + at<T>(i), load<T>(dx + at<T>(i)) + <T>(<f64>k * row));
    total += row;
  }
  return total;
}

/** The same sums with tanh per pair, for inputs too spread out for the exponential form. */
function sweepTanh<T>(withGrad: bool, x: usize, y: usize, n: i32, alpha: f64, k: f64, dx: usize): f64 {
  let total: f64 = 0;
  for (let i = 0; i < n - 1; i++) {
    const xi = <f64>load<T>(x + at<T>(i)), yi = <f64>load<T>(y + at<T>(i));
    let row: f64 = 0;
    for (let j = i + 1; j < n; j++) {
      const tx = Math.tanh(alpha * (xi - <f64>load<T>(x + at<T>(j))) / 2);
      const ty = Math.tanh(alpha * (yi - <f64>load<T>(y + at<T>(j))) / 2);
      if (withGrad) {
        const h = (1 - tx * tx) * ty;
        row += h;
        const p = dx + at<T>(j);
        store<T>(p, load<T>(p) - <T>(k * h));
      } else {
        row += tx * ty;
      }
    }
    if (withGrad) store<T>(dx + at<T>(i), load<T>(dx + at<T>(i)) + <T>(k * row));
    total += row;
  }
  return total;
}

@inline
function pairCount(n: i32): f64 {
  return <f64>n * <f64>(n - 1) / 2;
}

/**
 * Called by the model's DiffKendall loss: reads x[n] (predictions) and y[n] (targets), uses
 * scratch[2n] of T, and returns the loss L (0 when n < 2).
 */
function diffKendallForwardOf<T>(x: usize, y: usize, n: i32, alpha: T, scratch: usize): f64 {
  if (n < 2) return 0;
  const a = scratch, b = scratch + at<T>(n);
  const fast = exponentials<T>(x, n, <f64>alpha, a) && exponentials<T>(y, n, <f64>alpha, b);
  const half = fast ? sweepExp<T>(false, a, b, n, 0, 0) : sweepTanh<T>(false, x, y, n, <f64>alpha, 0, 0);
  return -2 * half / pairCount(n);
}
export function diffKendallForward(x: usize, y: usize, n: i32, alpha: f32, scratch: usize): f64 {
  return diffKendallForwardOf<f32>(x, y, n, alpha, scratch);
}
export function diffKendallForwardF64(x: usize, y: usize, n: i32, alpha: f64, scratch: usize): f64 {
  return diffKendallForwardOf<f64>(x, y, n, alpha, scratch);
}

/**
 * Called by the DiffKendall backward: reads x[n] and y[n], uses scratch[2n] of T and accumulates
 * dx += dloss·∂L/∂x (nothing when n < 2).
 */
function diffKendallBackwardOf<T>(x: usize, y: usize, n: i32, alpha: T, dloss: T, dx: usize, scratch: usize): void {
  if (n < 2) return;
  const a = scratch, b = scratch + at<T>(n);
  const k = -<f64>dloss * <f64>alpha / pairCount(n);
  const fast = exponentials<T>(x, n, <f64>alpha, a) && exponentials<T>(y, n, <f64>alpha, b);
  if (fast) sweepExp<T>(true, a, b, n, <T>k, dx);
  else sweepTanh<T>(true, x, y, n, <f64>alpha, k, dx);
}
export function diffKendallBackward(x: usize, y: usize, n: i32, alpha: f32, dloss: f32, dx: usize, scratch: usize): void {
  diffKendallBackwardOf<f32>(x, y, n, alpha, dloss, dx, scratch);
}
export function diffKendallBackwardF64(x: usize, y: usize, n: i32, alpha: f64, dloss: f64, dx: usize, scratch: usize): void {
  diffKendallBackwardOf<f64>(x, y, n, alpha, dloss, dx, scratch);
}
