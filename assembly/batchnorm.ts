// Train-mode batch normalisation (Ioffe & Szegedy 2015) on CNHW activations: channel c owns the
// P = N·H·W contiguous values x[c·P .. c·P + P). Statistics are accumulated in f64; the biased
// variance is used, as in PyTorch's training-mode forward.
import { sum, centeredDot } from "./reduce";

/** y[0..n) = (x − shift)·scale + offset, in f32. */
@inline
function affine(x: usize, n: i32, shift: f32, scale: f32, offset: f32, y: usize): void {
  const sv = f32x4.splat(shift), kv = f32x4.splat(scale), ov = f32x4.splat(offset);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    v128.store(y + o, f32x4.add(f32x4.mul(f32x4.sub(v128.load(x + o), sv), kv), ov));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(y + o, (load<f32>(x + o) - shift) * scale + offset);
  }
}

/**
 * Called by the engine's BatchNorm2d forward: reads x[C][P], gamma[C], beta[C]; writes
 * y = gamma·(x − μ)·invStd + beta, mean[C] = μ and invStd[C] = 1/sqrt(σ² + eps).
 */
export function batchNormForward(x: usize, gamma: usize, beta: usize, C: i32, P: i32, eps: f32, y: usize, mean: usize, invStd: usize): void {
  for (let c = 0; c < C; c++) {
    const o = <usize>c << 2;
    const xc = x + <usize>c * (<usize>P << 2);
    const mu = sum(xc, P) / P;
    const variance = centeredDot(xc, mu, xc, mu, P) / P;
    const inv = <f32>(1 / Math.sqrt(variance + eps));
    store<f32>(mean + o, <f32>mu);
    store<f32>(invStd + o, inv);
    affine(xc, P, <f32>mu, load<f32>(gamma + o) * inv, load<f32>(beta + o), y + <usize>c * (<usize>P << 2));
  }
}

/**
 * Called by the engine's BatchNorm2d backward: reads x, dy [C][P] and the saved mean/invStd;
 * accumulates dgamma += Σ dy·x̂, dbeta += Σ dy and dx += gamma·invStd/P·(P·dy − Σdy − x̂·Σ dy·x̂).
 */
export function batchNormBackward(x: usize, dy: usize, gamma: usize, mean: usize, invStd: usize, C: i32, P: i32, dx: usize, dgamma: usize, dbeta: usize): void {
  for (let c = 0; c < C; c++) {
    const o = <usize>c << 2;
    const offset = <usize>c * (<usize>P << 2);
    const mu = load<f32>(mean + o), inv = load<f32>(invStd + o);
    const sumDy = sum(dy + offset, P);
    const sumDyXhat = centeredDot(dy + offset, 0, x + offset, mu, P) * inv;
    store<f32>(dgamma + o, load<f32>(dgamma + o) + <f32>sumDyXhat);
    store<f32>(dbeta + o, load<f32>(dbeta + o) + <f32>sumDy);
    backwardChannel(x + offset, dy + offset, P, mu, inv, load<f32>(gamma + o) * inv, <f32>(sumDy / P), <f32>(sumDyXhat / P), dx + offset);
  }
}

/** dx += k·(dy − meanDy − x̂·meanDyXhat), with x̂ = (x − mu)·inv and k = gamma·inv. */
function backwardChannel(x: usize, dy: usize, P: i32, mu: f32, inv: f32, k: f32, meanDy: f32, meanDyXhat: f32, dx: usize): void {
  const muV = f32x4.splat(mu), invV = f32x4.splat(inv), kV = f32x4.splat(k);
  const mdV = f32x4.splat(meanDy), mdxV = f32x4.splat(meanDyXhat);
  let i = 0;
  for (; i + 4 <= P; i += 4) {
    const o = <usize>i << 2;
    const xhat = f32x4.mul(f32x4.sub(v128.load(x + o), muV), invV);
    const g = f32x4.sub(f32x4.sub(v128.load(dy + o), mdV), f32x4.mul(xhat, mdxV));
    v128.store(dx + o, f32x4.add(v128.load(dx + o), f32x4.mul(kV, g)));
  }
  for (; i < P; i++) {
    const o = <usize>i << 2;
    const xhat = (load<f32>(x + o) - mu) * inv;
    store<f32>(dx + o, load<f32>(dx + o) + k * (load<f32>(dy + o) - meanDy - xhat * meanDyXhat));
  }
}
