// Kendall's τ-b in O(n log n) (Knight 1966, the algorithm behind scipy.stats.kendalltau):
// sort by (x, y), count tied pairs, then count discordant pairs as the swaps of a merge sort on y.
import { finitePairs } from "./ranks.js";

/** Pairs tied within runs of equal keys, for keys already sorted so equal ones are adjacent. */
function tiedPairs(order: readonly number[], equal: (a: number, b: number) => boolean): number {
  let ties = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && equal(order[start], order[end])) end++;
    const run = end - start;
    ties += (run * (run - 1)) / 2;
    start = end;
  }
  return ties;
}

/** Sorts `order` by y in place (stable merge sort) and returns the number of swaps (discordant pairs). */
function mergeSortSwaps(order: number[], y: Float64Array): number {
  let swaps = 0;
  let buffer = order.slice();
  let source = order;
  for (let width = 1; width < source.length; width *= 2) {
    for (let lo = 0; lo < source.length; lo += 2 * width) {
      const mid = Math.min(lo + width, source.length);
      const hi = Math.min(lo + 2 * width, source.length);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (y[source[j]] < y[source[i]]) {
          swaps += mid - i;
          buffer[k++] = source[j++];
        } else buffer[k++] = source[i++];
      }
      while (i < mid) buffer[k++] = source[i++];
      while (j < hi) buffer[k++] = source[j++];
    }
    [source, buffer] = [buffer, source];
  }
  if (source !== order) for (let i = 0; i < order.length; i++) order[i] = source[i];
  return swaps;
}

/** Kendall's τ-b over the pairs where both values are finite; NaN when either side is constant. */
export function kendallTau(xIn: ArrayLike<number>, yIn: ArrayLike<number>): number {
  const [x, y] = finitePairs(xIn, yIn);
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || y[a] - y[b]);
  const tiesX = tiedPairs(order, (a, b) => x[a] === x[b]);
  const tiesXY = tiedPairs(order, (a, b) => x[a] === x[b] && y[a] === y[b]);
  const swaps = mergeSortSwaps(order, y);
  const tiesY = tiedPairs(order, (a, b) => y[a] === y[b]);
  const pairs = (n * (n - 1)) / 2;
  return (pairs - tiesX - tiesY + tiesXY - 2 * swaps) / Math.sqrt((pairs - tiesX) * (pairs - tiesY));
}
