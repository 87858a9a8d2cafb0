// Train-mode batch normalisation (Ioffe & Szegedy 2015) on CNHW activations: channel c owns the
// P = N·H·W contiguous values x[c·P .. c·P + P). Statistics are accumulated in f64; the biased
// variance is used, as in PyTorch's training-mode forward. Generic over T = f32 | f64.
import { at, lanes } from "./lanes";
import { sumOf, centeredDot } from "./reduce";

/** y[0..n) = (x − shift)·scale + offset, in T. */
@inline
function affine<T>(x: usize, n: i32, shift: T, scale: T, offset: T, y: usize): void {
  const sv = v128.splat<T>(shift), kv = v128.splat<T>(scale), ov = v128.splat<T>(offset);
  let i = 0;
  for (; i + lanes<T>() <= n; i += lanes<T>()) {
    const o = at<T>(i);
    v128.store(y + o, v128.add<T>(v128.mul<T>(v128.sub<T>(v128.load(x + o), sv), kv), ov));
  }
  for (; i < n; i++) {
    const o = at<T>(i);
    store<T>(y + o, (load<T>(x + o) - shift) * scale + offset);
  }
}

/**
 * Called by the engine's BatchNorm2d forward: reads x[C][P], gamma[C], beta[C]; writes
 * y = gamma·(x − μ)·invStd + beta, mean[C] = μ and invStd[C] = 1/sqrt(σ² + eps).
 */
function batchNormForwardOf<T>(x: usize, gamma: usize, beta: usize, C: i32, P: i32, eps: T, y: usize, mean: usize, invStd: usize): void {
  for (let c = 0; c < C; c++) {
    const o = at<T>(c);
    const xc = x + <usize>c * at<T>(P);
    const mu = sumOf<T>(xc, P) / P;
    const variance = centeredDot<T>(xc, mu, xc, mu, P) / P;
    const inv = <T>(1 / Math.sqrt(variance + <f64>eps));
    store<T>(mean + o, <T>mu);
    store<T>(invStd + o, inv);
    affine<T>(xc, P, <T>mu, load<T>(gamma + o) * inv, load<T>(beta + o), y + <usize>c * at<T>(P));
  }
}
export function batchNormForward(x: usize, gamma: usize, beta: usize, C: i32, P: i32, eps: f32, y: usize, mean: usize, invStd: usize): void {
  batchNormForwardOf<f32>(x, gamma, beta, C, P, eps, y, mean, invStd);
}
export function batchNormForwardF64(x: usize, gamma: usize, beta: usize, C: i32, P: i32, eps: f64, y: usize, mean: usize, invStd: usize): void {
  batchNormForwardOf<f64>(x, gamma, beta, C, P, eps, y, mean, invStd);
}

/**
 * Called by the engine's BatchNorm2d backward: reads x, dy [C][P] and the saved mean/invStd;
 * accumulates dgamma += Σ dy·x̂, dbeta += Σ dy and dx += gamma·invStd/P·(P·dy − Σdy − x̂·Σ dy·x̂).
 */
function batchNormBackwardOf<T>(x: usize, dy: usize, gamma: usize, mean: usize, invStd: usize, C: i32, P: i32, dx: usize, dgamma: usize, dbeta: usize): void {
  for (let c = 0; c < C; c++) {
    const o = at<T>(c);
    const offset = <usize>c * at<T>(P);
    const mu = load<T>(mean + o), inv = load<T>(invStd + o);
    const sumDy = sumOf<T>(dy + offset, P);
    const sumDyXhat = centeredDot<T>(dy + offset, 0, x + offset, mu, P) * inv;
    store<T>(dgamma + o, load<T>(dgamma + o) + <T>sumDyXhat);
    store<T>(dbeta + o, load<T>(dbeta + o) + <T>sumDy);
    backwardChannel<T>(x + offset, dy + offset, P, mu, inv, load<T>(gamma + o) * inv, <T>(sumDy / P), <T>(sumDyXhat / P), dx + offset);
  }
}
export function batchNormBackward(x: usize, dy: usize, gamma: usize, mean: usize, invStd: usize, C: i32, P: i32, dx: usize, dgamma: usize, dbeta: usize): void {
  batchNormBackwardOf<f32>(x, dy, gamma, mean, invStd, C, P, dx, dgamma, dbeta);
}
export function batchNormBackwardF64(x: usize, dy: usize, gamma: usize, mean: usize, invStd: usize, C: i32, P: i32, dx: usize, dgamma: usize, dbeta: usize): void {
  batchNormBackwardOf<f64>(x, dy, gamma, mean, invStd, C, P, dx, dgamma, dbeta);
}

/** dx += k·(dy − meanDy − x̂·meanDyXhat), with x̂ = (x − mu)·inv and k = gamma·inv. */
function backwardChannel<T>(x: usize, dy: usize, P: i32, mu: T, inv: T, k: T, meanDy: T, meanDyXhat: T, dx: usize): void {
  const muV = v128.splat<T>(mu), invV = v128.splat<T>(inv), kV = v128.splat<T>(k);
  const mdV = v128.splat<T>(meanDy), mdxV = v128.splat<T>(meanDyXhat);
  let i = 0;
  for (; i + lanes<T>() <= P; i += lanes<T>()) {
    const o = at<T>(i);
    const xhat = v128.mul<T>(v128.sub<T>(v128.load(x + o), muV), invV);
    const g = v128.sub<T>(v128.sub<T>(v128.load(dy + o), mdV), v128.mul<T>(xhat, mdxV));
    v128.store(dx + o, v128.add<T>(v128.load(dx + o), v128.mul<T>(kV, g)));
  }
  for (; i < P; i++) {
    const o = at<T>(i);
    const xhat = (load<T>(x + o) - mu) * inv;
    store<T>(dx + o, load<T>(dx + o) + k * (load<T>(dy + o) - meanDy - xhat * meanDyXhat));
  }
}
