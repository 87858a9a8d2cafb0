// Layer normalisation (Ba, Kiros & Hinton 2016) over the last axis of a row-major [rows × cols]
// matrix: each row is normalised by its own mean and biased variance, then scaled by gamma[cols]
// and shifted by beta[cols], as torch.nn.LayerNorm(cols). Row statistics are accumulated in f64.
// Generic over T = f32 | f64; every kernel is exported as name and name + F64.
import { at, lanes } from "./lanes";
import { centeredDot, sumOf } from "./reduce";
import { laneSum } from "./vmath";

/**
 * Called by the model's LayerNorm op: reads x[rows×cols], gamma[cols], beta[cols]; writes
 * y = gamma·(x − μ)·invStd + beta, mean[rows] = μ and invStd[rows] = 1/sqrt(σ² + eps).
 */
function layerNormForwardOf<T>(x: usize, gamma: usize, beta: usize, rows: i32, cols: i32, eps: T, y: usize, mean: usize, invStd: usize): void {
  for (let r = 0; r < rows; r++) {
    const xr = x + at<T>(r * cols), yr = y + at<T>(r * cols);
    const mu = sumOf<T>(xr, cols) / cols;
    const variance = centeredDot<T>(xr, mu, xr, mu, cols) / cols;
    const inv = <T>(1 / Math.sqrt(variance + <f64>eps));
    store<T>(mean + at<T>(r), <T>mu);
    store<T>(invStd + at<T>(r), inv);
    const muV = v128.splat<T>(<T>mu), invV = v128.splat<T>(inv);
    let c = 0;
    for (; c + lanes<T>() <= cols; c += lanes<T>()) {
      const o = at<T>(c);
      const xhat = v128.mul<T>(v128.sub<T>(v128.load(xr + o), muV), invV);
      v128.store(yr + o, v128.add<T>(v128.mul<T>(xhat, v128.load(gamma + o)), v128.load(beta + o)));
    }
    for (; c < cols; c++) {
      const o = at<T>(c);
      store<T>(yr + o, (load<T>(xr + o) - <T>mu) * inv * load<T>(gamma + o) + load<T>(beta + o));
    }
  }
}
export function layerNormForward(x: usize, gamma: usize, beta: usize, rows: i32, cols: i32, eps: f32, y: usize, mean: usize, invStd: usize): void {
  layerNormForwardOf<f32>(x, gamma, beta, rows, cols, eps, y, mean, invStd);
}
export function layerNormForwardF64(x: usize, gamma: usize, beta: usize, rows: i32, cols: i32, eps: f64, y: usize, mean: usize, invStd: usize): void {
  layerNormForwardOf<f64>(x, gamma, beta, rows, cols, eps, y, mean, invStd);
}

/**
 * Called by the LayerNorm backward: reads x, dy [rows×cols], gamma and the saved mean/invStd;
 * accumulates dgamma += Σ_r dy·x̂, dbeta += Σ_r dy and, with g = dy·gamma,
 * dx += invStd·(g − mean(g) − x̂·mean(g·x̂)).
 */
function layerNormBackwardOf<T>(x: usize, dy: usize, gamma: usize, mean: usize, invStd: usize, rows: i32, cols: i32, dx: usize, dgamma: usize, dbeta: usize): void {
  for (let r = 0; r < rows; r++) {
    const offset = at<T>(r * cols);
    const xr = x + offset, dyr = dy + offset, dxr = dx + offset;
    const mu = load<T>(mean + at<T>(r)), inv = load<T>(invStd + at<T>(r));
    const muV = v128.splat<T>(mu), invV = v128.splat<T>(inv);
    let sumG = v128.splat<T>(0), sumGX = v128.splat<T>(0);
    let sG: f64 = 0, sGX: f64 = 0;
    let c = 0;
    for (; c + lanes<T>() <= cols; c += lanes<T>()) {
      const o = at<T>(c);
      const xhat = v128.mul<T>(v128.sub<T>(v128.load(xr + o), muV), invV);
      const d = v128.load(dyr + o);
      const g = v128.mul<T>(d, v128.load(gamma + o));
      sumG = v128.add<T>(sumG, g);
      sumGX = v128.add<T>(sumGX, v128.mul<T>(g, xhat));
      v128.store(dgamma + o, v128.add<T>(v128.load(dgamma + o), v128.mul<T>(d, xhat)));
      v128.store(dbeta + o, v128.add<T>(v128.load(dbeta + o), d));
    }
    for (; c < cols; c++) {
      const o = at<T>(c);
      const xhat = (load<T>(xr + o) - mu) * inv;
      const d = load<T>(dyr + o);
      const g = d * load<T>(gamma + o);
      sG += g;
      sGX += g * xhat;
      store<T>(dgamma + o, load<T>(dgamma + o) + d * xhat);
      store<T>(dbeta + o, load<T>(dbeta + o) + d);
    }
    sG += laneSum<T>(sumG);
    sGX += laneSum<T>(sumGX);
    const meanG = <T>(sG / cols), meanGX = <T>(sGX / cols);
    const mgV = v128.splat<T>(meanG), mgxV = v128.splat<T>(meanGX);
    c = 0;
    for (; c + lanes<T>() <= cols; c += lanes<T>()) {
      const o = at<T>(c);
      const xhat = v128.mul<T>(v128.sub<T>(v128.load(xr + o), muV), invV);
      const g = v128.mul<T>(v128.load(dyr + o), v128.load(gamma + o));
      const step = v128.mul<T>(invV, v128.sub<T>(v128.sub<T>(g, mgV), v128.mul<T>(xhat, mgxV)));
      v128.store(dxr + o, v128.add<T>(v128.load(dxr + o), step));
    }
    for (; c < cols; c++) {
      const o = at<T>(c);
      const xhat = (load<T>(xr + o) - mu) * inv;
      const g = load<T>(dyr + o) * load<T>(gamma + o);
      store<T>(dxr + o, load<T>(dxr + o) + inv * (g - meanG - xhat * meanGX));
    }
  }
}
export function layerNormBackward(x: usize, dy: usize, gamma: usize, mean: usize, invStd: usize, rows: i32, cols: i32, dx: usize, dgamma: usize, dbeta: usize): void {
  layerNormBackwardOf<f32>(x, dy, gamma, mean, invStd, rows, cols, dx, dgamma, dbeta);
}
export function layerNormBackwardF64(x: usize, dy: usize, gamma: usize, mean: usize, invStd: usize, rows: i32, cols: i32, dx: usize, dgamma: usize, dbeta: usize): void {
  layerNormBackwardOf<f64>(x, dy, gamma, mean, invStd, rows, cols, dx, dgamma, dbeta);
}
