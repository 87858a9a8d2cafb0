// Elementwise kernels over n contiguous f32 values, plus 2-D transpose and row bias.
// Each loop does 4 lanes at a time with v128 and finishes the last n % 4 values in scalar code.
// "writes" overwrites the destination; "accumulates" adds into it (the caller zeroes it).

/** Called by the engine's ReLU op: reads x[n], writes y[n] = max(x, 0). */
export function reluForward(x: usize, n: i32, y: usize): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    v128.store(y + o, f32x4.max(v128.load(x + o), zero));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const v = load<f32>(x + o);
    store<f32>(y + o, v > 0 ? v : 0);
  }
}

/** Called by the engine's ReLU backward: reads the ReLU input x[n] and dy[n], accumulates dx += dy·[x > 0]. */
export function reluBackward(x: usize, dy: usize, n: i32, dx: usize): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    const pass = v128.and(v128.load(dy + o), f32x4.gt(v128.load(x + o), zero));
    v128.store(dx + o, f32x4.add(v128.load(dx + o), pass));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    if (load<f32>(x + o) > 0) store<f32>(dx + o, load<f32>(dx + o) + load<f32>(dy + o));
  }
}

// Which binary op zip() applies; it is inlined with a constant op, so the branch folds away.
const ADD: i32 = 0;
const MUL: i32 = 1;

@inline
function zip(op: i32, a: usize, b: usize, n: i32, y: usize): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    const va = v128.load(a + o), vb = v128.load(b + o);
    v128.store(y + o, op == ADD ? f32x4.add(va, vb) : f32x4.mul(va, vb));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const va = load<f32>(a + o), vb = load<f32>(b + o);
    store<f32>(y + o, op == ADD ? va + vb : va * vb);
  }
}

/** Called by the engine's add op (residual sums): reads a[n], b[n], writes y = a + b. */
export function add(a: usize, b: usize, n: i32, y: usize): void {
  zip(ADD, a, b, n, y);
}

/** Called by backward passes to sum gradients: reads x[n], accumulates y += x. */
export function accumulate(x: usize, n: i32, y: usize): void {
  add(x, y, n, y);
}

/** Called by the engine and optimisers: reads x[n], writes y = s·x (y may be x). */
export function scale(x: usize, n: i32, s: f32, y: usize): void {
  const sv = f32x4.splat(s);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    v128.store(y + o, f32x4.mul(v128.load(x + o), sv));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(y + o, load<f32>(x + o) * s);
  }
}

/** Called by optimisers and backward passes: reads x[n], accumulates y += a·x. */
export function axpy(n: i32, a: f32, x: usize, y: usize): void {
  const av = f32x4.splat(a);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    v128.store(y + o, f32x4.add(v128.load(y + o), f32x4.mul(av, v128.load(x + o))));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(y + o, load<f32>(y + o) + a * load<f32>(x + o));
  }
}

/** Called by the engine to initialise buffers: writes y[0..n) = v. */
export function fill(y: usize, n: i32, v: f32): void {
  const vv = f32x4.splat(v);
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(y + (<usize>i << 2), vv);
  for (; i < n; i++) store<f32>(y + (<usize>i << 2), v);
}

/** Called by the engine's multiply op and by proxies (masks, w⊙g): reads a[n], b[n], writes y = a⊙b. */
export function mul(a: usize, b: usize, n: i32, y: usize): void {
  zip(MUL, a, b, n, y);
}

/**
 * Reads a 4×4 block whose rows start srcStride bytes apart and stores its transpose with rows
 * dstStride bytes apart. Shared by transpose() and by the sgemm panel packing.
 */
@inline
export function transpose4x4(src: usize, srcStride: usize, dst: usize, dstStride: usize): void {
  const r0 = v128.load(src);
  const r1 = v128.load(src + srcStride);
  const r2 = v128.load(src + 2 * srcStride);
  const r3 = v128.load(src + 3 * srcStride);
  const lo01 = f32x4.shuffle(r0, r1, 0, 4, 1, 5);
  const lo23 = f32x4.shuffle(r2, r3, 0, 4, 1, 5);
  const hi01 = f32x4.shuffle(r0, r1, 2, 6, 3, 7);
  const hi23 = f32x4.shuffle(r2, r3, 2, 6, 3, 7);
  v128.store(dst, f32x4.shuffle(lo01, lo23, 0, 1, 4, 5));
  v128.store(dst + dstStride, f32x4.shuffle(lo01, lo23, 2, 3, 6, 7));
  v128.store(dst + 2 * dstStride, f32x4.shuffle(hi01, hi23, 0, 1, 4, 5));
  v128.store(dst + 3 * dstStride, f32x4.shuffle(hi01, hi23, 2, 3, 6, 7));
}

/** Called by the engine (linear layers, layout changes): reads x[rows×cols], writes y[cols×rows] = xᵀ. */
export function transpose(x: usize, rows: i32, cols: i32, y: usize): void {
  const xRow = <usize>cols << 2;
  const yRow = <usize>rows << 2;
  const rows4 = rows & ~3;
  const cols4 = cols & ~3;
  for (let r = 0; r < rows4; r += 4) {
    for (let c = 0; c < cols4; c += 4) {
      transpose4x4(x + <usize>r * xRow + (<usize>c << 2), xRow, y + <usize>c * yRow + (<usize>r << 2), yRow);
    }
  }
  // The ragged right columns and bottom rows.
  for (let r = 0; r < rows; r++) {
    for (let c = r < rows4 ? cols4 : 0; c < cols; c++) {
      store<f32>(y + <usize>c * yRow + (<usize>r << 2), load<f32>(x + <usize>r * xRow + (<usize>c << 2)));
    }
  }
}

/** Called by the linear layer forward: reads b[cols], accumulates y[r][c] += b[c] for each of rows rows. */
export function biasAddRows(y: usize, rows: i32, cols: i32, b: usize): void {
  const rowBytes = <usize>cols << 2;
  for (let r = 0; r < rows; r++) add(y + <usize>r * rowBytes, b, cols, y + <usize>r * rowBytes);
}

/** Called by the linear layer backward: reads dy[rows×cols], accumulates db[c] += Σ_r dy[r][c]. */
export function sumRows(dy: usize, rows: i32, cols: i32, db: usize): void {
  const rowBytes = <usize>cols << 2;
  for (let r = 0; r < rows; r++) add(dy + <usize>r * rowBytes, db, cols, db);
}
