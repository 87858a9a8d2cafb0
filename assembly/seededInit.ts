// Seeded weight initialisation in wasm: the draws of src/util/random.ts (mulberry32, Box-Muller)
// bit for bit, at a fraction of the cost in JS (NB101's largest cells draw 42 M normals per
// network). Box-Muller's log and cos are V8's own, fdlibm's __ieee754_log and cos (FreeBSD msun,
// as v8/src/base/ieee754.cc has them), restricted to the arguments a draw can give: log of
// (0, 1] and cos of [0, 2π). tools/nb101_torch.py carries the same port in Python for PyTorch.
// test/kernels/seededInit.test.ts compares every value with Random's.
import { at } from "./lanes";

// ---- mulberry32 ------------------------------------------------------------------------------

const INCREMENT: u32 = 0x6d2b79f5;

/** The uint32 that Random.nextUint32() returns for a stream now at `state` (already advanced). */
@inline
function mix(state: u32): u32 {
  let t = state;
  t = (t ^ (t >> 15)) * (t | 1);
  t ^= t + (t ^ (t >> 7)) * (t | 61);
  return t ^ (t >> 14);
}

@inline
function unit(state: u32): f64 {
  return <f64>mix(state) / 4294967296.0;
}

// ---- fdlibm log, for 0 < x <= 1 -----------------------------------------------------------------

@inline
function high(x: f64): i32 {
  return <i32>(reinterpret<u64>(x) >> 32);
}

@inline
function withHigh(x: f64, hi: i32): f64 {
  return reinterpret<f64>((<u64><u32>hi << 32) | (reinterpret<u64>(x) & 0xffffffff));
}

const LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10, TWO54 = 1.80143985094819840000e16;
const LG1 = 6.666666666666735130e-01, LG2 = 3.999999999940941908e-01, LG3 = 2.857142874366239149e-01;
const LG4 = 2.222219843214978396e-01, LG5 = 1.818357216161805012e-01, LG6 = 1.531383769920937332e-01;
const LG7 = 1.479819860511658591e-01;

function fdlibmLog(x: f64): f64 {
  let hx = high(x);
  let k = 0;
  if (hx < 0x00100000) { // subnormal (a draw never gives one; kept as fdlibm has it)
    k -= 54;
    x *= TWO54;
    hx = high(x);
  }
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHigh(x, hx | (i ^ 0x3ff00000)); // normalise x or x/2
  k += i >> 20;
  const f = x - 1.0;
  const dk = <f64>k;
  if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2**-20
    if (f == 0.0) return k == 0 ? 0.0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k == 0 ? f - r : dk * LN2_HI - ((r - dk * LN2_LO) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k == 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
  }
  return k == 0 ? f - s * (f - r) : dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
}

// ---- fdlibm cos, for 0 <= x < 2π ----------------------------------------------------------------

const C1 = 4.16666666666666019037e-02, C2 = -1.38888888888741095749e-03, C3 = 2.48015872894767294178e-05;
const C4 = -2.75573143513906633035e-07, C5 = 2.08757232129817482790e-09, C6 = -1.13596475577881948265e-11;
const S1 = -1.66666666666666324348e-01, S2 = 8.33333333332248946124e-03, S3 = -1.98412698298579493134e-04;
const S4 = 2.75573137070700676789e-06, S5 = -2.50507602534068634195e-08, S6 = 1.58969099521155010221e-10;

function kernelCos(x: f64, y: f64): f64 {
  const ix = high(x) & 0x7fffffff;
  if (ix < 0x3e400000 && <i32>x == 0) return 1.0; // |x| < 2**-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1.0 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  const qx = ix > 0x3fe90000 ? 0.28125 : reinterpret<f64>(<u64><u32>(ix - 0x00200000) << 32); // x/4
  const hz = 0.5 * z - qx;
  const a = 1.0 - qx;
  return a - (hz - (z * r - x * y));
}

/** __kernel_sin with a tail y (iy = 1), the only form cos uses. */
function kernelSin(x: f64, y: f64): f64 {
  const ix = high(x) & 0x7fffffff;
  if (ix < 0x3e400000 && <i32>x == 0) return x;
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

const INV_PIO2 = 6.36619772367581382433e-01;
const PIO2_1 = 1.57079632673412561417e00, PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.07710050630396597660e-11, PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.02226624871116645580e-21, PIO2_3T = 8.47842766036889956997e-32;
// High words of n·π/2 for n = 1..8: where the reduction needs more of π/2's bits.
const NPIO2_HW = memory.data<i32>([0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb]);

/** fdlibm cos of x in [0, 2π): __ieee754_rem_pio2's medium case, then the kernels by quadrant. */
function fdlibmCos(x: f64): f64 {
  const ix = high(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0.0);
  let n: i32, y0: f64, y1: f64;
  if (ix < 0x4002d97c) { // |x| < 3π/4: n = 1
    n = 1;
    let z = x - PIO2_1;
    if (ix != 0x3ff921fb) {
      y0 = z - PIO2_1T;
      y1 = (z - y0) - PIO2_1T;
    } else {
      z -= PIO2_2;
      y0 = z - PIO2_2T;
      y1 = (z - y0) - PIO2_2T;
    }
  } else {
    n = <i32>(x * INV_PIO2 + 0.5);
    const fn = <f64>n;
    let r = x - fn * PIO2_1;
    let w = fn * PIO2_1T;
    y0 = r - w;
    if (ix == load<i32>(NPIO2_HW + (<usize>(n - 1) << 2))) {
      const j = ix >> 20;
      let i = j - ((high(y0) >> 20) & 0x7ff);
      if (i > 16) {
        let t = r;
        w = fn * PIO2_2;
        r = t - w;
        w = fn * PIO2_2T - ((t - r) - w);
        y0 = r - w;
        i = j - ((high(y0) >> 20) & 0x7ff);
        if (i > 49) {
          t = r;
          w = fn * PIO2_3;
          r = t - w;
          w = fn * PIO2_3T - ((t - r) - w);
          y0 = r - w;
        }
      }
    }
    y1 = (r - y0) - w;
  }
  const quadrant = n & 3;
  if (quadrant == 0) return kernelCos(y0, y1);
  if (quadrant == 1) return -kernelSin(y0, y1);
  if (quadrant == 2) return -kernelCos(y0, y1);
  return kernelSin(y0, y1);
}

// ---- the fills ------------------------------------------------------------------------------------

/** dst[i] = fround(normal() · std) for i < count from the stream at `state`; returns the stream's new state. */
function fillNormalOf<T>(dst: usize, count: i32, state: u32, std: f64): u32 {
  for (let i = 0; i < count; i++) {
    state += INCREMENT;
    const u1 = 1 - unit(state); // (0, 1]
    state += INCREMENT;
    const u2 = unit(state);
    const normal = Math.sqrt(-2 * fdlibmLog(u1)) * fdlibmCos(2 * Math.PI * u2);
    store<T>(dst + at<T>(i), <T><f32>(normal * std));
  }
  return state;
}
export function fillNormal(dst: usize, count: i32, state: u32, std: f64): u32 {
  return fillNormalOf<f32>(dst, count, state, std);
}
export function fillNormalF64(dst: usize, count: i32, state: u32, std: f64): u32 {
  return fillNormalOf<f64>(dst, count, state, std);
}

/** dst[i] = fround(symmetric(bound)), uniform in [−bound, bound) (PyTorch's default Conv/Linear init). */
function fillSymmetricOf<T>(dst: usize, count: i32, state: u32, bound: f64): u32 {
  for (let i = 0; i < count; i++) {
    state += INCREMENT;
    store<T>(dst + at<T>(i), <T><f32>((2 * unit(state) - 1) * bound));
  }
  return state;
}
export function fillSymmetric(dst: usize, count: i32, state: u32, bound: f64): u32 {
  return fillSymmetricOf<f32>(dst, count, state, bound);
}
export function fillSymmetricF64(dst: usize, count: i32, state: u32, bound: f64): u32 {
  return fillSymmetricOf<f64>(dst, count, state, bound);
}
