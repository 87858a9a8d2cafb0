// Average pools on `planes` contiguous H×W planes (planes = C·N in CNHW).
// The 3×3 pool (stride 1, pad 1, count_include_pad = False) is separable: a vertical sum of up to
// three rows into a guarded row buffer, then a horizontal 3-tap sum with unaligned v128 loads.
import { add, accumulate, axpy, fill, scale } from "./elementwise";
import { sum } from "./reduce";

/** Widest plane the 3×3 pool accepts (the row buffer is static). */
const MAX_WIDTH = 4096;
// Row buffer: one zero guard float before (v[-1]) and after (v[W]) the row, plus v128 slack.
const rowBuffer = memory.data((MAX_WIDTH + 8) << 2, 16);
const row = rowBuffer + 16;

/** Taps of a 3-wide window at i that fall inside [0, size). */
@inline
function taps(i: i32, size: i32): i32 {
  return 1 + <i32>(i > 0) + <i32>(i < size - 1);
}

/** dst[x] (+)= (v[x−1] + v[x] + v[x+1])·s for x < W, reading the guarded row buffer. */
function boxRow(W: i32, dst: usize, s: f32, overwrite: bool): void {
  const sv = f32x4.splat(s);
  let x = 0;
  for (; x + 4 <= W; x += 4) {
    const o = <usize>x << 2;
    let v = f32x4.mul(f32x4.add(f32x4.add(v128.load(row + o - 4), v128.load(row + o)), v128.load(row + o + 4)), sv);
    if (!overwrite) v = f32x4.add(v128.load(dst + o), v);
    v128.store(dst + o, v);
  }
  for (; x < W; x++) {
    const o = <usize>x << 2;
    const v = (load<f32>(row + o - 4) + load<f32>(row + o) + load<f32>(row + o + 4)) * s;
    store<f32>(dst + o, overwrite ? v : load<f32>(dst + o) + v);
  }
}

/** Called by the NB201 avg_pool_3x3 op: reads x[planes][H][W] (W ≤ 4096), writes y (same shape). */
export function avgPool3x3Forward(x: usize, planes: i32, H: i32, W: i32, y: usize): void {
  const rowBytes = <usize>W << 2;
  store<f32>(row + rowBytes, 0);
  for (let p = 0; p < planes; p++) {
    const plane = <usize>p * H * rowBytes;
    for (let r = 0; r < H; r++) {
      const top = max(0, r - 1), bottom = min(H - 1, r + 1);
      const first = x + plane + <usize>top * rowBytes;
      if (bottom == top) memory.copy(row, first, rowBytes);
      else add(first, first + rowBytes, W, row);
      if (bottom - top == 2) accumulate(first + 2 * rowBytes, W, row);
      const out = y + plane + <usize>r * rowBytes;
      const rows = <f32>(bottom - top + 1);
      boxRow(W, out, 1 / (3 * rows), true);
      // The first and last columns have fewer taps than the 3 assumed above.
      store<f32>(out, (load<f32>(row) + load<f32>(row + 4)) / (rows * <f32>taps(0, W)));
      const last = <usize>(W - 1) << 2;
      store<f32>(out + last, (load<f32>(row + last - 4) + load<f32>(row + last) + load<f32>(row + last + 4)) / (rows * <f32>taps(W - 1, W)));
    }
  }
}

/** Called by the avg_pool_3x3 backward: reads dy[planes][H][W] (W ≤ 4096), accumulates dx (same shape). */
export function avgPool3x3Backward(dy: usize, planes: i32, H: i32, W: i32, dx: usize): void {
  const rowBytes = <usize>W << 2;
  const last = <usize>(W - 1) << 2;
  store<f32>(row + rowBytes, 0);
  for (let p = 0; p < planes; p++) {
    const plane = <usize>p * H * rowBytes;
    for (let r = 0; r < H; r++) {
      // Each output pixel spreads dy/taps over its window: first weight by the rows of each source
      // row's window, then by the columns, then sum the 3 columns around x.
      fill(row, W, 0);
      for (let source = max(0, r - 1); source <= min(H - 1, r + 1); source++) {
        axpy(W, 1 / <f32>taps(source, H), dy + plane + <usize>source * rowBytes, row);
      }
      const firstValue = load<f32>(row), lastValue = load<f32>(row + last);
      scale(row, W, <f32>(1.0 / 3), row);
      store<f32>(row, firstValue / <f32>taps(0, W));
      store<f32>(row + last, lastValue / <f32>taps(W - 1, W));
      boxRow(W, dx + plane + <usize>r * rowBytes, 1, false);
    }
  }
}

/** Called by the NB201 reduction cell's shortcut: reads x[planes][H][W] (H, W even), writes y[planes][H/2][W/2]. */
export function avgPool2x2Forward(x: usize, planes: i32, H: i32, W: i32, y: usize): void {
  const Wo = W >> 1;
  const quarter = f32x4.splat(0.25);
  const inRow = <usize>W << 2;
  for (let r = 0; r < planes * (H >> 1); r++) {
    const top = x + <usize>(2 * r) * inRow, out = y + <usize>r * (<usize>Wo << 2);
    let j = 0;
    for (; j + 4 <= Wo; j += 4) {
      const o = <usize>j << 3;
      const a = v128.load(top + o), b = v128.load(top + o + 16);
      const c = v128.load(top + inRow + o), d = v128.load(top + inRow + o + 16);
      const vertical0 = f32x4.add(a, c), vertical1 = f32x4.add(b, d);
      const pairs = f32x4.add(f32x4.shuffle(vertical0, vertical1, 0, 2, 4, 6), f32x4.shuffle(vertical0, vertical1, 1, 3, 5, 7));
      v128.store(out + (<usize>j << 2), f32x4.mul(pairs, quarter));
    }
    for (; j < Wo; j++) {
      const o = <usize>j << 3;
      const s = load<f32>(top + o) + load<f32>(top + o + 4) + load<f32>(top + inRow + o) + load<f32>(top + inRow + o + 4);
      store<f32>(out + (<usize>j << 2), s * 0.25);
    }
  }
}

/** Called by the 2×2 pool backward: reads dy[planes][H/2][W/2], accumulates dx[planes][H][W] += dy/4 on each window. */
export function avgPool2x2Backward(dy: usize, planes: i32, H: i32, W: i32, dx: usize): void {
  const Wo = W >> 1;
  const quarter = f32x4.splat(0.25);
  const inRow = <usize>W << 2;
  for (let r = 0; r < planes * (H >> 1); r++) {
    const top = dx + <usize>(2 * r) * inRow, grad = dy + <usize>r * (<usize>Wo << 2);
    let j = 0;
    for (; j + 4 <= Wo; j += 4) {
      const g = f32x4.mul(v128.load(grad + (<usize>j << 2)), quarter);
      const g01 = f32x4.shuffle(g, g, 0, 0, 1, 1), g23 = f32x4.shuffle(g, g, 2, 2, 3, 3);
      for (let half = 0; half < 2; half++) {
        const p = top + <usize>half * inRow + (<usize>j << 3);
        v128.store(p, f32x4.add(v128.load(p), g01));
        v128.store(p + 16, f32x4.add(v128.load(p + 16), g23));
      }
    }
    for (; j < Wo; j++) {
      const g = load<f32>(grad + (<usize>j << 2)) * 0.25;
      for (let half = 0; half < 2; half++) {
        const p = top + <usize>half * inRow + (<usize>j << 3);
        store<f32>(p, load<f32>(p) + g);
        store<f32>(p + 4, load<f32>(p + 4) + g);
      }
    }
  }
}

/** Called by the classifier head: reads x[planes][HW], writes y[plane] = mean of its HW values (summed in f64). */
export function globalAvgPoolForward(x: usize, planes: i32, HW: i32, y: usize): void {
  for (let p = 0; p < planes; p++) {
    store<f32>(y + (<usize>p << 2), <f32>(sum(x + <usize>p * (<usize>HW << 2), HW) / HW));
  }
}

/** Called by the classifier head backward: reads dy[planes], accumulates dx[plane][i] += dy[plane]/HW. */
export function globalAvgPoolBackward(dy: usize, planes: i32, HW: i32, dx: usize): void {
  const inv = <f32>1 / <f32>HW;
  for (let p = 0; p < planes; p++) {
    const g = load<f32>(dy + (<usize>p << 2)) * inv;
    const gv = f32x4.splat(g);
    const plane = dx + <usize>p * (<usize>HW << 2);
    let i = 0;
    for (; i + 4 <= HW; i += 4) {
      const o = plane + (<usize>i << 2);
      v128.store(o, f32x4.add(v128.load(o), gv));
    }
    for (; i < HW; i++) {
      const o = plane + (<usize>i << 2);
      store<f32>(o, load<f32>(o) + g);
    }
  }
}

