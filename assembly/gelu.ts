// GELU in its tanh form (Hendrycks & Gimpel 2016, eq. in §2; PyTorch nn.GELU(approximate="tanh")):
// gelu(x) = ½x(1 + tanh(u)) = x·σ(2u), u = √(2/π)(x + 0.044715x³). The σ form needs one exp and
// is exact in f64, so the backward checks tightly against finite differences. It differs from the
// erf form by < 5e-4. Generic over T = f32 | f64; every kernel is exported as name and name + F64.
import { at, lanes } from "./lanes";
import { sigmoidV } from "./vmath";

// 2·√(2/π) and 2·√(2/π)·0.044715: 2u = x·(C1 + C3·x²).
const C1: f64 = 1.5957691216057308;
const C3: f64 = 0.07135481627159521;

/** Called by the model's GELU op: reads x[n], writes y[n] = gelu(x). */
function geluForwardOf<T>(x: usize, n: i32, y: usize): void {
  const c1 = v128.splat<T>(<T>C1), c3 = v128.splat<T>(<T>C3);
  let i = 0;
  for (; i + lanes<T>() <= n; i += lanes<T>()) {
    const o = at<T>(i);
    const v = v128.load(x + o);
    const twoU = v128.mul<T>(v, v128.add<T>(c1, v128.mul<T>(c3, v128.mul<T>(v, v))));
    v128.store(y + o, v128.mul<T>(v, sigmoidV<T>(twoU)));
  }
  // The tail goes through the same lane code, padded with zeros.
  for (; i < n; i++) {
    const o = at<T>(i);
    const v = v128.splat<T>(load<T>(x + o));
    const twoU = v128.mul<T>(v, v128.add<T>(c1, v128.mul<T>(c3, v128.mul<T>(v, v))));
    store<T>(y + o, v128.extract_lane<T>(v128.mul<T>(v, sigmoidV<T>(twoU)), 0));
  }
}
export function geluForward(x: usize, n: i32, y: usize): void { geluForwardOf<f32>(x, n, y); }
export function geluForwardF64(x: usize, n: i32, y: usize): void { geluForwardOf<f64>(x, n, y); }

/** gelu'(x)·dy = (s + x·s(1 − s)·(C1 + 3·C3·x²))·dy with s = σ(2u). */
@inline
function geluGrad<T>(v: v128, dy: v128, c1: v128, c3: v128, c3x3: v128): v128 {
  const v2 = v128.mul<T>(v, v);
  const s = sigmoidV<T>(v128.mul<T>(v, v128.add<T>(c1, v128.mul<T>(c3, v2))));
  const ds = v128.mul<T>(s, v128.sub<T>(v128.splat<T>(1), s));
  const slope = v128.add<T>(s, v128.mul<T>(v128.mul<T>(v, ds), v128.add<T>(c1, v128.mul<T>(c3x3, v2))));
  return v128.mul<T>(slope, dy);
}

/** Called by the GELU backward: reads the GELU input x[n] and dy[n], accumulates dx += gelu'(x)·dy. */
function geluBackwardOf<T>(x: usize, dy: usize, n: i32, dx: usize): void {
  const c1 = v128.splat<T>(<T>C1), c3 = v128.splat<T>(<T>C3), c3x3 = v128.splat<T>(<T>(3 * C3));
  let i = 0;
  for (; i + lanes<T>() <= n; i += lanes<T>()) {
    const o = at<T>(i);
    const g = geluGrad<T>(v128.load(x + o), v128.load(dy + o), c1, c3, c3x3);
    v128.store(dx + o, v128.add<T>(v128.load(dx + o), g));
  }
  for (; i < n; i++) {
    const o = at<T>(i);
    const g = geluGrad<T>(v128.splat<T>(load<T>(x + o)), v128.splat<T>(load<T>(dy + o)), c1, c3, c3x3);
    store<T>(dx + o, load<T>(dx + o) + v128.extract_lane<T>(g, 0));
  }
}
export function geluBackward(x: usize, dy: usize, n: i32, dx: usize): void { geluBackwardOf<f32>(x, dy, n, dx); }
export function geluBackwardF64(x: usize, dy: usize, n: i32, dx: usize): void { geluBackwardOf<f64>(x, dy, n, dx); }
