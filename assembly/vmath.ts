// Lane-wise helpers for the model kernels (GELU, sigmoid, lane sums), generic over T = f32 | f64.
// exp follows Cephes' expf/exp scheme (S. L. Moshier): x = k·ln2 + r with ln2 split in two (Cody &
// Waite 1980) so r is exact, |r| ≤ ln2/2, e^r by its Taylor polynomial (degree 7 in f32, 13 in
// f64: truncation below half an ulp), and 2^k assembled in the exponent bits. Inputs are clamped
// to the finite range, so exp never returns 0 or +Inf for finite x.

/** e^x in every lane of x. */
@inline
export function expV<T>(x: v128): v128 {
  // Rounding x·log2(e) to an integer k by adding 1.5·2^23 (f32) or 1.5·2^52 (f64) leaves k in the
  // low bits of the sum, so 2^k is one integer add and shift: no nearest() or trunc_sat(), which V8
  // expands to several instructions each. pmin/pmax are single instructions too (NaN still passes).
  if (sizeof<T>() == 4) {
    x = f32x4.pmin(f32x4.pmax(x, f32x4.splat(-87.0)), f32x4.splat(88.0));
    const magic = f32x4.splat(12582912.0);
    const j = f32x4.add(f32x4.mul(x, f32x4.splat(1.4426950408889634)), magic);
    const k = f32x4.sub(j, magic);
    let r = f32x4.sub(x, f32x4.mul(k, f32x4.splat(0.693359375)));
    r = f32x4.sub(r, f32x4.mul(k, f32x4.splat(-2.12194440e-4)));
    let p = f32x4.splat(<f32>(1.0 / 5040));
    p = f32x4.add(f32x4.mul(p, r), f32x4.splat(<f32>(1.0 / 720)));
    p = f32x4.add(f32x4.mul(p, r), f32x4.splat(<f32>(1.0 / 120)));
    p = f32x4.add(f32x4.mul(p, r), f32x4.splat(<f32>(1.0 / 24)));
    p = f32x4.add(f32x4.mul(p, r), f32x4.splat(<f32>(1.0 / 6)));
    p = f32x4.add(f32x4.mul(p, r), f32x4.splat(0.5));
    p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0));
    p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0));
    return f32x4.mul(p, i32x4.shl(i32x4.add(j, i32x4.splat(127)), 23));
  }
  x = f64x2.pmin(f64x2.pmax(x, f64x2.splat(-708.0)), f64x2.splat(709.0));
  const magic = f64x2.splat(6755399441055744.0);
  const j = f64x2.add(f64x2.mul(x, f64x2.splat(1.4426950408889634)), magic);
  const k = f64x2.sub(j, magic);
  let r = f64x2.sub(x, f64x2.mul(k, f64x2.splat(6.93147180369123816490e-01)));
  r = f64x2.sub(r, f64x2.mul(k, f64x2.splat(1.90821492927058770002e-10)));
  // 1/j! for j = 13 down to 2, then the two 1s.
  let p = f64x2.splat(1.0 / 6227020800.0);
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 479001600.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 39916800.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 3628800.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 362880.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 40320.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 5040.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 720.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 120.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 24.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 6.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(0.5));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0));
  return f64x2.mul(p, i64x2.shl(i64x2.add(j, i64x2.splat(1023)), 52));
}

/** e^x for one value, by the same lane code (so scalar tails match the vector body exactly). */
@inline
export function expS<T>(x: T): T {
  return v128.extract_lane<T>(expV<T>(v128.splat<T>(x)), 0);
}

/** The logistic function 1/(1 + e^−x) in every lane. */
@inline
export function sigmoidV<T>(x: v128): v128 {
  const one = v128.splat<T>(1);
  return v128.div<T>(one, v128.add<T>(one, expV<T>(v128.neg<T>(x))));
}

/** The sum of v's lanes, in f64. */
@inline
export function laneSum<T>(v: v128): f64 {
  if (sizeof<T>() == 4) {
    return (<f64>f32x4.extract_lane(v, 0) + <f64>f32x4.extract_lane(v, 1)) + (<f64>f32x4.extract_lane(v, 2) + <f64>f32x4.extract_lane(v, 3));
  }
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}
