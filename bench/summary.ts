// Summaries the bench tables share.

/** "mean ± sample std" to 3 decimals. */
export function meanStd(values: number[]): string {
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / Math.max(1, values.length - 1));
  return `${mean.toFixed(3)} ± ${std.toFixed(3)}`;
}
