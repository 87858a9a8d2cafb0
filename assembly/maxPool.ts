// Max pools on `planes` contiguous H×W planes (planes = C·N in CNHW), generic over T = f32 | f64.
// The forward takes the max of the in-bounds taps (padding is −inf, so it never wins) with the
// NaN-propagating v128.max: the value is PyTorch's, up to the sign of a zero. The backward
// recomputes each window's argmax from the saved input by PyTorch's CPU scan (row-major, keep
// the first tap unless a later one is greater or NaN: ties go to the first maximum, NaNs to the
// last NaN) and accumulates dy there. Storing indices instead would add an output-sized buffer
// and index writes to every forward (forwards outnumber backwards: several proxies run no
// backward) to save only the scan, about half of the 3×3 backward.
import { at, lanes, evenLanes, oddLanes, zipLow, zipHigh } from "./lanes";

/** Widest plane the 3×3 pool accepts (the row buffer is static). */
const MAX_WIDTH = 4096;
// Row buffer, sized for f64: the 3×3 forward's column-wise max of a window's rows, the backward's winning taps.
const row = memory.data(MAX_WIDTH << 3, 16);

/** PyTorch's argmax step: does v replace the running maximum m? */
@inline
function replaces<T>(v: T, m: T): bool {
  return v > m || v != v;
}

/** The lanes where v replaces the running maximum m (v > m or v is NaN). */
@inline
function replacesLanes<T>(v: v128, m: v128): v128 {
  return v128.or(v128.gt<T>(v, m), v128.ne<T>(v, v));
}

/** row[i] = max over `rows` rows from `first` (rowBytes apart) of column i, for i < W. */
function columnMax<T>(first: usize, rows: i32, rowBytes: usize, W: i32): void {
  let i = 0;
  for (; i + lanes<T>() <= W; i += lanes<T>()) {
    const o = at<T>(i);
    let m = v128.max<T>(v128.load(first + o), v128.load(first + rowBytes + o));
    if (rows == 3) m = v128.max<T>(m, v128.load(first + 2 * rowBytes + o));
    v128.store(row + o, m);
  }
  for (; i < W; i++) {
    const o = at<T>(i);
    let m = max<T>(load<T>(first + o), load<T>(first + rowBytes + o));
    if (rows == 3) m = max<T>(m, load<T>(first + 2 * rowBytes + o));
    store<T>(row + o, m);
  }
}

/** Called by NB101's maxpool3x3 op: reads x[planes][H][W] (W ≤ 4096), writes y (same shape), 3×3, stride 1, pad 1. */
function maxPool3x3ForwardOf<T>(x: usize, planes: i32, H: i32, W: i32, y: usize): void {
  const rowBytes = at<T>(W);
  const step = sizeof<T>();
  for (let p = 0; p < planes; p++) {
    const plane = <usize>p * H * rowBytes;
    for (let r = 0; r < H; r++) {
      const top = max(0, r - 1), rows = min(H - 1, r + 1) - top + 1;
      const first = x + plane + <usize>top * rowBytes;
      if (rows == 1) memory.copy(row, first, rowBytes);
      else columnMax<T>(first, rows, rowBytes, W);
      const out = y + plane + <usize>r * rowBytes;
      if (W == 1) {
        store<T>(out, load<T>(row));
        continue;
      }
      // Columns 1..W−2 have both neighbours; the edge columns have one.
      let c = 1;
      for (; c + lanes<T>() <= W - 1; c += lanes<T>()) {
        const o = at<T>(c);
        v128.store(out + o, v128.max<T>(v128.max<T>(v128.load(row + o - step), v128.load(row + o)), v128.load(row + o + step)));
      }
      for (; c < W - 1; c++) {
        const o = at<T>(c);
        store<T>(out + o, max<T>(max<T>(load<T>(row + o - step), load<T>(row + o)), load<T>(row + o + step)));
      }
      store<T>(out, max<T>(load<T>(row), load<T>(row + step)));
      const last = at<T>(W - 1);
      store<T>(out + last, max<T>(load<T>(row + last - step), load<T>(row + last)));
    }
  }
}
export function maxPool3x3Forward(x: usize, planes: i32, H: i32, W: i32, y: usize): void {
  maxPool3x3ForwardOf<f32>(x, planes, H, W, y);
}
export function maxPool3x3ForwardF64(x: usize, planes: i32, H: i32, W: i32, y: usize): void {
  maxPool3x3ForwardOf<f64>(x, planes, H, W, y);
}

// The 3×3 backward's scan is separable: scanning a window row by row equals scanning each row
// alone (its maximum and first-winning column) and then the rows' results in order by the same
// rule, as long as a row's maximum replaces the running one when greater or NaN. So each input
// row is scanned once, for the three output rows whose windows it is in. Per row slot (rr % 3):
// the 3-tap maximum at each column and its winning column (0, 1, 2 for c − 1, c, c + 1, as a T
// so one compare type serves both).
const rowScanMax = memory.data(3 * MAX_WIDTH << 3, 16);
const rowScanColumn = memory.data(3 * MAX_WIDTH << 3, 16);

/** Scans input row `source` (W values) into slot `slot`: each column's 3-tap maximum and winning column. */
function scanRow<T>(source: usize, W: i32, slot: usize): void {
  const maxima = rowScanMax + slot, columns = rowScanColumn + slot;
  const step = sizeof<T>();
  // Columns 1..W−2 have both neighbours, a vector at a time.
  const vectorEnd = 1 + (max(W - 2, 0) / lanes<T>()) * lanes<T>();
  for (let c = 1; c < vectorEnd; c += lanes<T>()) {
    const p = source + at<T>(c);
    const left = v128.load(p - step), centre = v128.load(p), right = v128.load(p + step);
    let wins = replacesLanes<T>(centre, left);
    const m = v128.bitselect(centre, left, wins);
    const column = v128.and(v128.splat<T>(1), wins);
    wins = replacesLanes<T>(right, m);
    v128.store(maxima + at<T>(c), v128.bitselect(right, m, wins));
    v128.store(columns + at<T>(c), v128.bitselect(v128.splat<T>(2), column, wins));
  }
  // The edge columns (clipped windows) and the tail, from maximum −inf at the first in-bounds tap.
  for (let c = 0; c < W; c = c == 0 ? max(vectorEnd, 1) : c + 1) {
    const left = max(0, c - 1), right = min(W - 1, c + 1);
    let m = <T>-Infinity, column = left - c + 1;
    for (let cc = left; cc <= right; cc++) {
      const v = load<T>(source + at<T>(cc));
      if (replaces<T>(v, m)) {
        m = v;
        column = cc - c + 1;
      }
    }
    store<T>(maxima + at<T>(c), m);
    store<T>(columns + at<T>(c), <T>column);
  }
}

/** Called by the maxpool3x3 backward: reads x and dy [planes][H][W] (W ≤ 4096), accumulates dx (same shape). */
function maxPool3x3BackwardOf<T>(x: usize, dy: usize, planes: i32, H: i32, W: i32, dx: usize): void {
  const rowBytes = at<T>(W);
  const slotBytes = <usize>MAX_WIDTH << 3;
  const step = sizeof<T>();
  const vectorEnd = (W / lanes<T>()) * lanes<T>();
  for (let p = 0; p < planes; p++) {
    const plane = <usize>p * H * rowBytes;
    scanRow<T>(x + plane, W, 0);
    for (let r = 0; r < H; r++) {
      if (r + 1 < H) scanRow<T>(x + plane + <usize>(r + 1) * rowBytes, W, <usize>((r + 1) % 3) * slotBytes);
      const top = max(0, r - 1), rows = min(H - 1, r + 1) - top + 1;
      // The window's winning tap t = 3·(row − top) + column, combined over its rows into `row`.
      const slot0 = <usize>(top % 3) * slotBytes, slot1 = <usize>((top + 1) % 3) * slotBytes, slot2 = <usize>((top + 2) % 3) * slotBytes;
      let c = 0;
      for (; c < vectorEnd; c += lanes<T>()) {
        const o = at<T>(c);
        let m = v128.load(rowScanMax + slot0 + o), index = v128.load(rowScanColumn + slot0 + o);
        if (rows > 1) {
          const v = v128.load(rowScanMax + slot1 + o);
          const wins = replacesLanes<T>(v, m);
          m = v128.bitselect(v, m, wins);
          index = v128.bitselect(v128.add<T>(v128.load(rowScanColumn + slot1 + o), v128.splat<T>(3)), index, wins);
        }
        if (rows == 3) {
          const wins = replacesLanes<T>(v128.load(rowScanMax + slot2 + o), m);
          index = v128.bitselect(v128.add<T>(v128.load(rowScanColumn + slot2 + o), v128.splat<T>(6)), index, wins);
        }
        v128.store(row + o, index);
      }
      for (; c < W; c++) {
        const o = at<T>(c);
        let m = load<T>(rowScanMax + slot0 + o), index = load<T>(rowScanColumn + slot0 + o);
        for (let k = 1; k < rows; k++) {
          const slot = k == 1 ? slot1 : slot2;
          const v = load<T>(rowScanMax + slot + o);
          if (replaces<T>(v, m)) {
            const rowTap = 3 * k;
            m = v;
            index = load<T>(rowScanColumn + slot + o) + <T>rowTap;
          }
        }
        store<T>(row + o, index);
      }
      // One sweep per tap adds dy where that tap won. Adding all nine taps in one sweep would load
      // each dx vector right after a store that half overlaps it: failed store-to-load forwarding
      // made that backward several times slower. Columns whose tap would fall off the row are skipped.
      const grad = dy + plane + <usize>r * rowBytes;
      for (let t = 0; t < 3 * rows; t++) {
        const tap = v128.splat<T>(<T>t);
        const column = t % 3;
        const target = dx + plane + <usize>(top + t / 3) * rowBytes + at<T>(column) - step;
        const first = column == 0 ? 1 : 0, end = column == 2 ? W - 1 : W;
        let c = first;
        for (; c + lanes<T>() <= end; c += lanes<T>()) {
          const o = at<T>(c);
          v128.store(target + o, v128.add<T>(v128.load(target + o), v128.and(v128.load(grad + o), v128.eq<T>(v128.load(row + o), tap))));
        }
        for (; c < end; c++) {
          const o = at<T>(c);
          if (load<T>(row + o) == <T>t) store<T>(target + o, load<T>(target + o) + load<T>(grad + o));
        }
      }
    }
  }
}
export function maxPool3x3Backward(x: usize, dy: usize, planes: i32, H: i32, W: i32, dx: usize): void {
  maxPool3x3BackwardOf<f32>(x, dy, planes, H, W, dx);
}
export function maxPool3x3BackwardF64(x: usize, dy: usize, planes: i32, H: i32, W: i32, dx: usize): void {
  maxPool3x3BackwardOf<f64>(x, dy, planes, H, W, dx);
}

/** Called by NB101's downsampling: reads x[planes][H][W] (H, W even), writes y[planes][H/2][W/2] = max of each 2×2 window. */
function maxPool2x2ForwardOf<T>(x: usize, planes: i32, H: i32, W: i32, y: usize): void {
  const Wo = W >> 1;
  const inRow = at<T>(W);
  const step = sizeof<T>();
  for (let r = 0; r < planes * (H >> 1); r++) {
    const top = x + <usize>(2 * r) * inRow, out = y + <usize>r * at<T>(Wo);
    let j = 0;
    for (; j + lanes<T>() <= Wo; j += lanes<T>()) {
      const o = at<T>(2 * j);
      const vertical0 = v128.max<T>(v128.load(top + o), v128.load(top + inRow + o));
      const vertical1 = v128.max<T>(v128.load(top + o + 16), v128.load(top + inRow + o + 16));
      v128.store(out + at<T>(j), v128.max<T>(evenLanes<T>(vertical0, vertical1), oddLanes<T>(vertical0, vertical1)));
    }
    for (; j < Wo; j++) {
      const o = at<T>(2 * j);
      const upper = max<T>(load<T>(top + o), load<T>(top + o + step));
      store<T>(out + at<T>(j), max<T>(upper, max<T>(load<T>(top + inRow + o), load<T>(top + inRow + o + step))));
    }
  }
}
export function maxPool2x2Forward(x: usize, planes: i32, H: i32, W: i32, y: usize): void {
  maxPool2x2ForwardOf<f32>(x, planes, H, W, y);
}
export function maxPool2x2ForwardF64(x: usize, planes: i32, H: i32, W: i32, y: usize): void {
  maxPool2x2ForwardOf<f64>(x, planes, H, W, y);
}

/** Called by the 2×2 pool backward: reads x[planes][H][W] and dy[planes][H/2][W/2], accumulates dx (x's shape) at each window's argmax. */
function maxPool2x2BackwardOf<T>(x: usize, dy: usize, planes: i32, H: i32, W: i32, dx: usize): void {
  const Wo = W >> 1;
  const inRow = at<T>(W);
  const step = sizeof<T>();
  for (let r = 0; r < planes * (H >> 1); r++) {
    const rowStart = <usize>(2 * r) * inRow;
    const top = x + rowStart, dxTop = dx + rowStart, grad = dy + <usize>r * at<T>(Wo);
    let j = 0;
    for (; j + lanes<T>() <= Wo; j += lanes<T>()) {
      const o = at<T>(2 * j);
      const a0 = v128.load(top + o), a1 = v128.load(top + o + 16);
      const b0 = v128.load(top + inRow + o), b1 = v128.load(top + inRow + o + 16);
      // The window's taps in scan order, one window per lane.
      const t0 = evenLanes<T>(a0, a1), t1 = oddLanes<T>(a0, a1), t2 = evenLanes<T>(b0, b1), t3 = oddLanes<T>(b0, b1);
      let m = t0, index = v128.splat<T>(0), wins = m;
      wins = replacesLanes<T>(t1, m); m = v128.bitselect(t1, m, wins); index = v128.bitselect(v128.splat<T>(1), index, wins);
      wins = replacesLanes<T>(t2, m); m = v128.bitselect(t2, m, wins); index = v128.bitselect(v128.splat<T>(2), index, wins);
      wins = replacesLanes<T>(t3, m); index = v128.bitselect(v128.splat<T>(3), index, wins);
      const g = v128.load(grad + at<T>(j));
      for (let half = 0; half < 2; half++) {
        const leftTap = 2 * half;
        const left = v128.and(g, v128.eq<T>(index, v128.splat<T>(<T>leftTap)));
        const right = v128.and(g, v128.eq<T>(index, v128.splat<T>(<T>(leftTap + 1))));
        const d = dxTop + <usize>half * inRow + o;
        v128.store(d, v128.add<T>(v128.load(d), zipLow<T>(left, right)));
        v128.store(d + 16, v128.add<T>(v128.load(d + 16), zipHigh<T>(left, right)));
      }
    }
    for (; j < Wo; j++) {
      const o = at<T>(2 * j);
      let m = <T>-Infinity;
      let best = o;
      for (let t = 0; t < 4; t++) {
        const tap = o + <usize>(t >> 1) * inRow + <usize>(t & 1) * step;
        const v = load<T>(top + tap);
        if (replaces<T>(v, m)) {
          m = v;
          best = tap;
        }
      }
      store<T>(dxTop + best, load<T>(dxTop + best) + load<T>(grad + at<T>(j)));
    }
  }
}
export function maxPool2x2Backward(x: usize, dy: usize, planes: i32, H: i32, W: i32, dx: usize): void {
  maxPool2x2BackwardOf<f32>(x, dy, planes, H, W, dx);
}
export function maxPool2x2BackwardF64(x: usize, dy: usize, planes: i32, H: i32, W: i32, dx: usize): void {
  maxPool2x2BackwardOf<f64>(x, dy, planes, H, W, dx);
}
