// GELU in its tanh form (Hendrycks & Gimpel 2016, eq. in §2; PyTorch nn.GELU(approximate="tanh")):
// gelu(x) = ½x(1 + tanh(u)) = x·σ(2u), u = √(2/π)(x + 0.044715x³). The σ form needs one exp and
// is exact in f64, so the backward checks tightly against finite differences. It differs from the
// erf form by < 5e-4. The forward can keep the gate s = σ(2u) for the backward, which then needs no
// exp. Generic over T = f32 | f64; every kernel is exported as name and name + F64.
import { at, lanes } from "./lanes";
import { sigmoidV } from "./vmath";

// 2·√(2/π) and 2·√(2/π)·0.044715: 2u = x·(C1 + C3·x²).
const C1: f64 = 1.5957691216057308;
const C3: f64 = 0.07135481627159521;

@inline
function gate<T>(v: v128, c1: v128, c3: v128): v128 {
  return sigmoidV<T>(v128.mul<T>(v, v128.add<T>(c1, v128.mul<T>(c3, v128.mul<T>(v, v)))));
}

/**
 * Called by the model's GELU op: reads x[n], writes y[n] = gelu(x) and, unless s is 0, the gate
 * s[n] = σ(2u) that geluBackward reads.
 */
function geluForwardOf<T>(x: usize, n: i32, y: usize, s: usize): void {
  const c1 = v128.splat<T>(<T>C1), c3 = v128.splat<T>(<T>C3);
  let i = 0;
  for (; i + lanes<T>() <= n; i += lanes<T>()) {
    const o = at<T>(i);
    const v = v128.load(x + o);
    const g = gate<T>(v, c1, c3);
    v128.store(y + o, v128.mul<T>(v, g));
    if (s) v128.store(s + o, g);
  }
  // The tail goes through the same lane code, one value at a time.
  for (; i < n; i++) {
    const o = at<T>(i);
    const v = v128.splat<T>(load<T>(x + o));
    const g = gate<T>(v, c1, c3);
    store<T>(y + o, v128.extract_lane<T>(v128.mul<T>(v, g), 0));
    if (s) store<T>(s + o, v128.extract_lane<T>(g, 0));
  }
}
export function geluForward(x: usize, n: i32, y: usize, s: usize): void { geluForwardOf<f32>(x, n, y, s); }
export function geluForwardF64(x: usize, n: i32, y: usize, s: usize): void { geluForwardOf<f64>(x, n, y, s); }

/** gelu'(x)·dy = (s + x·s(1 − s)·(C1 + 3·C3·x²))·dy. */
@inline
function geluGrad<T>(v: v128, s: v128, dy: v128, c1: v128, c3x3: v128): v128 {
  const ds = v128.mul<T>(s, v128.sub<T>(v128.splat<T>(1), s));
  const slope = v128.add<T>(s, v128.mul<T>(v128.mul<T>(v, ds), v128.add<T>(c1, v128.mul<T>(c3x3, v128.mul<T>(v, v)))));
  return v128.mul<T>(slope, dy);
}

/**
 * Called by the GELU backward: reads the GELU input x[n], the forward's gate s[n] and dy[n],
 * accumulates dx += gelu'(x)·dy.
 */
function geluBackwardOf<T>(x: usize, s: usize, dy: usize, n: i32, dx: usize): void {
  const c1 = v128.splat<T>(<T>C1), c3x3 = v128.splat<T>(<T>(3 * C3));
  let i = 0;
  for (; i + lanes<T>() <= n; i += lanes<T>()) {
    const o = at<T>(i);
    const g = geluGrad<T>(v128.load(x + o), v128.load(s + o), v128.load(dy + o), c1, c3x3);
    v128.store(dx + o, v128.add<T>(v128.load(dx + o), g));
  }
  for (; i < n; i++) {
    const o = at<T>(i);
    const g = geluGrad<T>(v128.splat<T>(load<T>(x + o)), v128.splat<T>(load<T>(s + o)), v128.splat<T>(load<T>(dy + o)), c1, c3x3);
    store<T>(dx + o, load<T>(dx + o) + v128.extract_lane<T>(g, 0));
  }
}
export function geluBackward(x: usize, s: usize, dy: usize, n: i32, dx: usize): void { geluBackwardOf<f32>(x, s, dy, n, dx); }
export function geluBackwardF64(x: usize, s: usize, dy: usize, n: i32, dx: usize): void { geluBackwardOf<f64>(x, s, dy, n, dx); }
