// Spearman ρ: Pearson correlation of average ranks (ties handled as scipy does).
import { averageRanks, finitePairs } from "./ranks.js";

export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
  mx /= n; my /= n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx, dy = y[i] - my;
    sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman's ρ over the pairs where both values are finite. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const [fx, fy] = finitePairs(x, y);
  return pearson(averageRanks(fx), averageRanks(fy));
}
