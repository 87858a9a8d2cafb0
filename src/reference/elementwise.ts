// Plain-TS reference for assembly/elementwise.ts. "writes" overwrites y; "accumulates" adds into it.
import type { Floats } from "./floats.js";

export function reluForward(x: Floats, n: number, y: Floats): void {
  for (let i = 0; i < n; i++) y[i] = Math.max(x[i], 0);
}

/** dx += dy·[x > 0], x being the ReLU input. */
export function reluBackward(x: Floats, dy: Floats, n: number, dx: Floats): void {
  for (let i = 0; i < n; i++) if (x[i] > 0) dx[i] += dy[i];
}

export function add(a: Floats, b: Floats, n: number, y: Floats): void {
  for (let i = 0; i < n; i++) y[i] = a[i] + b[i];
}

export function accumulate(x: Floats, n: number, y: Floats): void {
  for (let i = 0; i < n; i++) y[i] += x[i];
}

export function scale(x: Floats, n: number, s: number, y: Floats): void {
  for (let i = 0; i < n; i++) y[i] = s * x[i];
}

export function axpy(n: number, a: number, x: Floats, y: Floats): void {
  for (let i = 0; i < n; i++) y[i] += a * x[i];
}

export function fill(y: Floats, n: number, v: number): void {
  for (let i = 0; i < n; i++) y[i] = v;
}

export function mul(a: Floats, b: Floats, n: number, y: Floats): void {
  for (let i = 0; i < n; i++) y[i] = a[i] * b[i];
}

/** y[cols×rows] = x[rows×cols]ᵀ. */
export function transpose(x: Floats, rows: number, cols: number, y: Floats): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) y[c * rows + r] = x[r * cols + c];
}

/** y[r][c] += b[c]. */
export function biasAddRows(y: Floats, rows: number, cols: number, b: Floats): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) y[r * cols + c] += b[c];
}

/** db[c] += Σ_r dy[r][c]. */
export function sumRows(dy: Floats, rows: number, cols: number, db: Floats): void {
  for (let c = 0; c < cols; c++) {
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += dy[r * cols + c];
    db[c] += sum;
  }
}
