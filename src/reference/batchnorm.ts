// Plain-TS reference for assembly/batchnorm.ts: train-mode batch norm over the P contiguous
// values of each of C channels, biased variance, f64 statistics.
import type { Floats } from "./floats.js";

/** y = gamma·(x − μ)·invStd + beta; writes mean[c] = μ and invStd[c] = 1/sqrt(σ² + eps). */
export function batchNormForward(x: Floats, gamma: Floats, beta: Floats, C: number, P: number, eps: number, y: Floats, mean: Floats, invStd: Floats): void {
  for (let c = 0; c < C; c++) {
    let sum = 0;
    for (let i = 0; i < P; i++) sum += x[c * P + i];
    const mu = sum / P;
    let squares = 0;
    for (let i = 0; i < P; i++) squares += (x[c * P + i] - mu) ** 2;
    const inv = 1 / Math.sqrt(squares / P + eps);
    mean[c] = mu;
    invStd[c] = inv;
    for (let i = 0; i < P; i++) y[c * P + i] = gamma[c] * (x[c * P + i] - mu) * inv + beta[c];
  }
}

/** dgamma += Σ dy·x̂, dbeta += Σ dy, dx += gamma·invStd/P·(P·dy − Σdy − x̂·Σ dy·x̂). */
export function batchNormBackward(x: Floats, dy: Floats, gamma: Floats, mean: Floats, invStd: Floats, C: number, P: number, dx: Floats, dgamma: Floats, dbeta: Floats): void {
  for (let c = 0; c < C; c++) {
    const xhat = (i: number) => (x[c * P + i] - mean[c]) * invStd[c];
    let sumDy = 0, sumDyXhat = 0;
    for (let i = 0; i < P; i++) {
      sumDy += dy[c * P + i];
      sumDyXhat += dy[c * P + i] * xhat(i);
    }
    dgamma[c] += sumDyXhat;
    dbeta[c] += sumDy;
    const k = gamma[c] * invStd[c] / P;
    for (let i = 0; i < P; i++) dx[c * P + i] += k * (P * dy[c * P + i] - sumDy - xhat(i) * sumDyXhat);
  }
}
