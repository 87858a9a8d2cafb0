// Average pools on `planes` contiguous H×W planes (planes = C·N in CNHW), generic over T = f32 | f64.
// The 3×3 pool (stride 1, pad 1, count_include_pad = False) is separable: a vertical sum of up to
// three rows into a guarded row buffer, then a horizontal 3-tap sum with unaligned v128 loads.
import { addOf, accumulateOf, axpyOf, fillOf, scaleOf } from "./elementwise";
import { at, lanes, evenLanes, oddLanes, zipLow, zipHigh } from "./lanes";
import { sumOf } from "./reduce";

/** Widest plane the 3×3 pool accepts (the row buffer is static). */
const MAX_WIDTH = 4096;
// Row buffer, sized for f64: one zero guard value before (v[-1]) and after (v[W]) the row, plus slack.
const rowBuffer = memory.data((MAX_WIDTH + 8) << 3, 16);
const row = rowBuffer + 16;

/** Taps of a 3-wide window at i that fall inside [0, size). */
@inline
function taps(i: i32, size: i32): i32 {
  return 1 + <i32>(i > 0) + <i32>(i < size - 1);
}

/** dst[x] (+)= (v[x−1] + v[x] + v[x+1])·s for x < W, reading the guarded row buffer. */
function boxRow<T>(W: i32, dst: usize, s: T, overwrite: bool): void {
  const sv = v128.splat<T>(s);
  const step = sizeof<T>();
  let x = 0;
  for (; x + lanes<T>() <= W; x += lanes<T>()) {
    const o = at<T>(x);
    let v = v128.mul<T>(v128.add<T>(v128.add<T>(v128.load(row + o - step), v128.load(row + o)), v128.load(row + o + step)), sv);
    if (!overwrite) v = v128.add<T>(v128.load(dst + o), v);
    v128.store(dst + o, v);
  }
  for (; x < W; x++) {
    const o = at<T>(x);
    const v = (load<T>(row + o - step) + load<T>(row + o) + load<T>(row + o + step)) * s;
    store<T>(dst + o, overwrite ? v : load<T>(dst + o) + v);
  }
}

/** Called by the NB201 avg_pool_3x3 op: reads x[planes][H][W] (W ≤ 4096), writes y (same shape). */
function avgPool3x3ForwardOf<T>(x: usize, planes: i32, H: i32, W: i32, y: usize): void {
  const rowBytes = at<T>(W);
  const step = sizeof<T>();
  store<T>(row + rowBytes, 0);
  for (let p = 0; p < planes; p++) {
    const plane = <usize>p * H * rowBytes;
    for (let r = 0; r < H; r++) {
      const top = max(0, r - 1), bottom = min(H - 1, r + 1);
      const first = x + plane + <usize>top * rowBytes;
      if (bottom == top) memory.copy(row, first, rowBytes);
      else addOf<T>(first, first + rowBytes, W, row);
      if (bottom - top == 2) accumulateOf<T>(first + 2 * rowBytes, W, row);
      const out = y + plane + <usize>r * rowBytes;
      const rows = <T>(bottom - top + 1);
      boxRow<T>(W, out, 1 / (3 * rows), true);
      // The first and last columns have fewer taps than the 3 assumed above.
      store<T>(out, (load<T>(row) + load<T>(row + step)) / (rows * <T>taps(0, W)));
      const last = at<T>(W - 1);
      store<T>(out + last, (load<T>(row + last - step) + load<T>(row + last) + load<T>(row + last + step)) / (rows * <T>taps(W - 1, W)));
    }
  }
}
export function avgPool3x3Forward(x: usize, planes: i32, H: i32, W: i32, y: usize): void {
  avgPool3x3ForwardOf<f32>(x, planes, H, W, y);
}
export function avgPool3x3ForwardF64(x: usize, planes: i32, H: i32, W: i32, y: usize): void {
  avgPool3x3ForwardOf<f64>(x, planes, H, W, y);
}

/** Called by the avg_pool_3x3 backward: reads dy[planes][H][W] (W ≤ 4096), accumulates dx (same shape). */
function avgPool3x3BackwardOf<T>(dy: usize, planes: i32, H: i32, W: i32, dx: usize): void {
  const rowBytes = at<T>(W);
  const last = at<T>(W - 1);
  store<T>(row + rowBytes, 0);
  for (let p = 0; p < planes; p++) {
    const plane = <usize>p * H * rowBytes;
    for (let r = 0; r < H; r++) {
      // Each output pixel spreads dy/taps over its window: first weight by the rows of each source
      // row's window, then by the columns, then sum the 3 columns around x.
      fillOf<T>(row, W, 0);
      for (let source = max(0, r - 1); source <= min(H - 1, r + 1); source++) {
        axpyOf<T>(W, 1 / <T>taps(source, H), dy + plane + <usize>source * rowBytes, row);
      }
      const firstValue = load<T>(row), lastValue = load<T>(row + last);
      scaleOf<T>(row, W, <T>(1.0 / 3), row);
      store<T>(row, firstValue / <T>taps(0, W));
      store<T>(row + last, lastValue / <T>taps(W - 1, W));
      boxRow<T>(W, dx + plane + <usize>r * rowBytes, 1, false);
    }
  }
}
export function avgPool3x3Backward(dy: usize, planes: i32, H: i32, W: i32, dx: usize): void {
  avgPool3x3BackwardOf<f32>(dy, planes, H, W, dx);
}
export function avgPool3x3BackwardF64(dy: usize, planes: i32, H: i32, W: i32, dx: usize): void {
  avgPool3x3BackwardOf<f64>(dy, planes, H, W, dx);
}

/** Called by the NB201 reduction cell's shortcut: reads x[planes][H][W] (H, W even), writes y[planes][H/2][W/2]. */
function avgPool2x2ForwardOf<T>(x: usize, planes: i32, H: i32, W: i32, y: usize): void {
  const Wo = W >> 1;
  const quarter = v128.splat<T>(0.25);
  const inRow = at<T>(W);
  const step = sizeof<T>();
  for (let r = 0; r < planes * (H >> 1); r++) {
    const top = x + <usize>(2 * r) * inRow, out = y + <usize>r * at<T>(Wo);
    let j = 0;
    for (; j + lanes<T>() <= Wo; j += lanes<T>()) {
      const o = at<T>(2 * j);
      const a = v128.load(top + o), b = v128.load(top + o + 16);
      const c = v128.load(top + inRow + o), d = v128.load(top + inRow + o + 16);
      const vertical0 = v128.add<T>(a, c), vertical1 = v128.add<T>(b, d);
      const pairs = v128.add<T>(evenLanes<T>(vertical0, vertical1), oddLanes<T>(vertical0, vertical1));
      v128.store(out + at<T>(j), v128.mul<T>(pairs, quarter));
    }
    for (; j < Wo; j++) {
      const o = at<T>(2 * j);
      const s = load<T>(top + o) + load<T>(top + o + step) + load<T>(top + inRow + o) + load<T>(top + inRow + o + step);
      store<T>(out + at<T>(j), s * 0.25);
    }
  }
}
export function avgPool2x2Forward(x: usize, planes: i32, H: i32, W: i32, y: usize): void {
  avgPool2x2ForwardOf<f32>(x, planes, H, W, y);
}
export function avgPool2x2ForwardF64(x: usize, planes: i32, H: i32, W: i32, y: usize): void {
  avgPool2x2ForwardOf<f64>(x, planes, H, W, y);
}

/** Called by the 2×2 pool backward: reads dy[planes][H/2][W/2], accumulates dx[planes][H][W] += dy/4 on each window. */
function avgPool2x2BackwardOf<T>(dy: usize, planes: i32, H: i32, W: i32, dx: usize): void {
  const Wo = W >> 1;
  const quarter = v128.splat<T>(0.25);
  const inRow = at<T>(W);
  const step = sizeof<T>();
  for (let r = 0; r < planes * (H >> 1); r++) {
    const top = dx + <usize>(2 * r) * inRow, grad = dy + <usize>r * at<T>(Wo);
    let j = 0;
    for (; j + lanes<T>() <= Wo; j += lanes<T>()) {
      const g = v128.mul<T>(v128.load(grad + at<T>(j)), quarter);
      // Each gradient goes to two neighbouring columns: [g0, g0, g1, g1, …].
      const gLow = zipLow<T>(g, g), gHigh = zipHigh<T>(g, g);
      for (let half = 0; half < 2; half++) {
        const p = top + <usize>half * inRow + at<T>(2 * j);
        v128.store(p, v128.add<T>(v128.load(p), gLow));
        v128.store(p + 16, v128.add<T>(v128.load(p + 16), gHigh));
      }
    }
    for (; j < Wo; j++) {
      const g = load<T>(grad + at<T>(j)) * 0.25;
      for (let half = 0; half < 2; half++) {
        const p = top + <usize>half * inRow + at<T>(2 * j);
        store<T>(p, load<T>(p) + g);
        store<T>(p + step, load<T>(p + step) + g);
      }
    }
  }
}
export function avgPool2x2Backward(dy: usize, planes: i32, H: i32, W: i32, dx: usize): void {
  avgPool2x2BackwardOf<f32>(dy, planes, H, W, dx);
}
export function avgPool2x2BackwardF64(dy: usize, planes: i32, H: i32, W: i32, dx: usize): void {
  avgPool2x2BackwardOf<f64>(dy, planes, H, W, dx);
}

/** Called by the classifier head: reads x[planes][HW], writes y[plane] = mean of its HW values (summed in f64). */
function globalAvgPoolForwardOf<T>(x: usize, planes: i32, HW: i32, y: usize): void {
  for (let p = 0; p < planes; p++) {
    store<T>(y + at<T>(p), <T>(sumOf<T>(x + <usize>p * at<T>(HW), HW) / HW));
  }
}
export function globalAvgPoolForward(x: usize, planes: i32, HW: i32, y: usize): void {
  globalAvgPoolForwardOf<f32>(x, planes, HW, y);
}
export function globalAvgPoolForwardF64(x: usize, planes: i32, HW: i32, y: usize): void {
  globalAvgPoolForwardOf<f64>(x, planes, HW, y);
}

/** Called by the classifier head backward: reads dy[planes], accumulates dx[plane][i] += dy[plane]/HW. */
function globalAvgPoolBackwardOf<T>(dy: usize, planes: i32, HW: i32, dx: usize): void {
  const inv = <T>1 / <T>HW;
  for (let p = 0; p < planes; p++) {
    const g = load<T>(dy + at<T>(p)) * inv;
    const gv = v128.splat<T>(g);
    const plane = dx + <usize>p * at<T>(HW);
    let i = 0;
    for (; i + lanes<T>() <= HW; i += lanes<T>()) {
      const o = plane + at<T>(i);
      v128.store(o, v128.add<T>(v128.load(o), gv));
    }
    for (; i < HW; i++) {
      const o = plane + at<T>(i);
      store<T>(o, load<T>(o) + g);
    }
  }
}
export function globalAvgPoolBackward(dy: usize, planes: i32, HW: i32, dx: usize): void {
  globalAvgPoolBackwardOf<f32>(dy, planes, HW, dx);
}
export function globalAvgPoolBackwardF64(dy: usize, planes: i32, HW: i32, dx: usize): void {
  globalAvgPoolBackwardOf<f64>(dy, planes, HW, dx);
}
