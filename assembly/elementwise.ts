// Elementwise kernels over n contiguous values of T (f32 or f64), plus 2-D transpose and row bias.
// Each loop does a v128 of lanes at a time and finishes the last n % lanes values in scalar code.
// "writes" overwrites the destination; "accumulates" adds into it (the caller zeroes it).
// Every kernel is exported twice: the f32 name, and the same name + F64.
import { at, lanes, transposeBlock } from "./lanes";

/** Called by the engine's ReLU op: reads x[n], writes y[n] = max(x, 0). */
function reluForwardOf<T>(x: usize, n: i32, y: usize): void {
  const zero = v128.splat<T>(0);
  let i = 0;
  for (; i + lanes<T>() <= n; i += lanes<T>()) {
    const o = at<T>(i);
    v128.store(y + o, v128.max<T>(v128.load(x + o), zero));
  }
  for (; i < n; i++) {
    const o = at<T>(i);
    const v = load<T>(x + o);
    store<T>(y + o, v > 0 ? v : 0);
  }
}
export function reluForward(x: usize, n: i32, y: usize): void {
  reluForwardOf<f32>(x, n, y);
}
export function reluForwardF64(x: usize, n: i32, y: usize): void {
  reluForwardOf<f64>(x, n, y);
}

/** Called by the engine's ReLU backward: reads the ReLU input x[n] and dy[n], accumulates dx += dy·[x > 0]. */
function reluBackwardOf<T>(x: usize, dy: usize, n: i32, dx: usize): void {
  const zero = v128.splat<T>(0);
  let i = 0;
  for (; i + lanes<T>() <= n; i += lanes<T>()) {
    const o = at<T>(i);
    const pass = v128.and(v128.load(dy + o), v128.gt<T>(v128.load(x + o), zero));
    v128.store(dx + o, v128.add<T>(v128.load(dx + o), pass));
  }
  for (; i < n; i++) {
    const o = at<T>(i);
    if (load<T>(x + o) > 0) store<T>(dx + o, load<T>(dx + o) + load<T>(dy + o));
  }
}
export function reluBackward(x: usize, dy: usize, n: i32, dx: usize): void {
  reluBackwardOf<f32>(x, dy, n, dx);
}
export function reluBackwardF64(x: usize, dy: usize, n: i32, dx: usize): void {
  reluBackwardOf<f64>(x, dy, n, dx);
}

// Which binary op zip() applies; it is inlined with a constant op, so the branch folds away.
const ADD: i32 = 0;
const MUL: i32 = 1;

@inline
function zip<T>(op: i32, a: usize, b: usize, n: i32, y: usize): void {
  let i = 0;
  for (; i + lanes<T>() <= n; i += lanes<T>()) {
    const o = at<T>(i);
    const va = v128.load(a + o), vb = v128.load(b + o);
    v128.store(y + o, op == ADD ? v128.add<T>(va, vb) : v128.mul<T>(va, vb));
  }
  for (; i < n; i++) {
    const o = at<T>(i);
    const va = load<T>(a + o), vb = load<T>(b + o);
    store<T>(y + o, op == ADD ? va + vb : va * vb);
  }
}

/** Called by the engine's add op (residual sums): reads a[n], b[n], writes y = a + b. */
export function addOf<T>(a: usize, b: usize, n: i32, y: usize): void {
  zip<T>(ADD, a, b, n, y);
}
export function add(a: usize, b: usize, n: i32, y: usize): void {
  addOf<f32>(a, b, n, y);
}
export function addF64(a: usize, b: usize, n: i32, y: usize): void {
  addOf<f64>(a, b, n, y);
}

/** Called by backward passes to sum gradients: reads x[n], accumulates y += x. */
export function accumulateOf<T>(x: usize, n: i32, y: usize): void {
  addOf<T>(x, y, n, y);
}
export function accumulate(x: usize, n: i32, y: usize): void {
  accumulateOf<f32>(x, n, y);
}
export function accumulateF64(x: usize, n: i32, y: usize): void {
  accumulateOf<f64>(x, n, y);
}

/** Called by the engine and optimisers: reads x[n], writes y = s·x (y may be x). */
export function scaleOf<T>(x: usize, n: i32, s: T, y: usize): void {
  const sv = v128.splat<T>(s);
  let i = 0;
  for (; i + lanes<T>() <= n; i += lanes<T>()) {
    const o = at<T>(i);
    v128.store(y + o, v128.mul<T>(v128.load(x + o), sv));
  }
  for (; i < n; i++) {
    const o = at<T>(i);
    store<T>(y + o, load<T>(x + o) * s);
  }
}
export function scale(x: usize, n: i32, s: f32, y: usize): void {
  scaleOf<f32>(x, n, s, y);
}
export function scaleF64(x: usize, n: i32, s: f64, y: usize): void {
  scaleOf<f64>(x, n, s, y);
}

/** Called by optimisers and backward passes: reads x[n], accumulates y += a·x. */
export function axpyOf<T>(n: i32, a: T, x: usize, y: usize): void {
  const av = v128.splat<T>(a);
  let i = 0;
  for (; i + lanes<T>() <= n; i += lanes<T>()) {
    const o = at<T>(i);
    v128.store(y + o, v128.add<T>(v128.load(y + o), v128.mul<T>(av, v128.load(x + o))));
  }
  for (; i < n; i++) {
    const o = at<T>(i);
    store<T>(y + o, load<T>(y + o) + a * load<T>(x + o));
  }
}
export function axpy(n: i32, a: f32, x: usize, y: usize): void {
  axpyOf<f32>(n, a, x, y);
}
export function axpyF64(n: i32, a: f64, x: usize, y: usize): void {
  axpyOf<f64>(n, a, x, y);
}

/** Called by the engine to initialise buffers: writes y[0..n) = v. */
export function fillOf<T>(y: usize, n: i32, v: T): void {
  const vv = v128.splat<T>(v);
  let i = 0;
  for (; i + lanes<T>() <= n; i += lanes<T>()) v128.store(y + at<T>(i), vv);
  for (; i < n; i++) store<T>(y + at<T>(i), v);
}
export function fill(y: usize, n: i32, v: f32): void {
  fillOf<f32>(y, n, v);
}
export function fillF64(y: usize, n: i32, v: f64): void {
  fillOf<f64>(y, n, v);
}

/** Called by the engine's multiply op and by proxies (masks, w⊙g): reads a[n], b[n], writes y = a⊙b. */
function mulOf<T>(a: usize, b: usize, n: i32, y: usize): void {
  zip<T>(MUL, a, b, n, y);
}
export function mul(a: usize, b: usize, n: i32, y: usize): void {
  mulOf<f32>(a, b, n, y);
}
export function mulF64(a: usize, b: usize, n: i32, y: usize): void {
  mulOf<f64>(a, b, n, y);
}

/** Called by the engine (linear layers, layout changes): reads x[rows×cols], writes y[cols×rows] = xᵀ. */
function transposeOf<T>(x: usize, rows: i32, cols: i32, y: usize): void {
  const xRow = at<T>(cols);
  const yRow = at<T>(rows);
  const blockRows = rows & -lanes<T>();
  const blockCols = cols & -lanes<T>();
  for (let r = 0; r < blockRows; r += lanes<T>()) {
    for (let c = 0; c < blockCols; c += lanes<T>()) {
      transposeBlock<T>(x + <usize>r * xRow + at<T>(c), xRow, y + <usize>c * yRow + at<T>(r), yRow);
    }
  }
  // The ragged right columns and bottom rows.
  for (let r = 0; r < rows; r++) {
    for (let c = r < blockRows ? blockCols : 0; c < cols; c++) {
      store<T>(y + <usize>c * yRow + at<T>(r), load<T>(x + <usize>r * xRow + at<T>(c)));
    }
  }
}
export function transpose(x: usize, rows: i32, cols: i32, y: usize): void {
  transposeOf<f32>(x, rows, cols, y);
}
export function transposeF64(x: usize, rows: i32, cols: i32, y: usize): void {
  transposeOf<f64>(x, rows, cols, y);
}

/** Called by the linear layer forward: reads b[cols], accumulates y[r][c] += b[c] for each of rows rows. */
function biasAddRowsOf<T>(y: usize, rows: i32, cols: i32, b: usize): void {
  const rowBytes = at<T>(cols);
  for (let r = 0; r < rows; r++) addOf<T>(y + <usize>r * rowBytes, b, cols, y + <usize>r * rowBytes);
}
export function biasAddRows(y: usize, rows: i32, cols: i32, b: usize): void {
  biasAddRowsOf<f32>(y, rows, cols, b);
}
export function biasAddRowsF64(y: usize, rows: i32, cols: i32, b: usize): void {
  biasAddRowsOf<f64>(y, rows, cols, b);
}

/** Called by the linear layer backward: reads dy[rows×cols], accumulates db[c] += Σ_r dy[r][c]. */
function sumRowsOf<T>(dy: usize, rows: i32, cols: i32, db: usize): void {
  const rowBytes = at<T>(cols);
  for (let r = 0; r < rows; r++) addOf<T>(dy + <usize>r * rowBytes, db, cols, db);
}
export function sumRows(dy: usize, rows: i32, cols: i32, db: usize): void {
  sumRowsOf<f32>(dy, rows, cols, db);
}
export function sumRowsF64(dy: usize, rows: i32, cols: i32, db: usize): void {
  sumRowsOf<f64>(dy, rows, cols, db);
}
