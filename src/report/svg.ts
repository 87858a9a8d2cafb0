// What the report's SVG charts share: text escaping, number formatting for labels, and "nice"
// axis ticks (steps of 1, 2 or 5 × 10^k, chosen as d3's ticks() does).

/** Text safe inside an SVG element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A coordinate with two decimals: small files, sub-pixel exact enough. */
export function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * Evenly spaced round values, about `count` of them: inside [min, max], or with `enclose` the
 * smallest such run that covers it (an axis that starts and ends on a tick).
 */
export function niceTicks(min: number, max: number, count = 5, enclose = false): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / magnitude;
  // d3's thresholds: the round step nearest the raw one on a log scale.
  const step = magnitude * (ratio >= Math.sqrt(50) ? 10 : ratio >= Math.sqrt(10) ? 5 : ratio >= Math.sqrt(2) ? 2 : 1);
  const first = enclose ? Math.floor(min / step + 1e-9) : Math.ceil(min / step - 1e-9);
  const last = enclose ? Math.ceil(max / step - 1e-9) : Math.floor(max / step + 1e-9);
  return Array.from({ length: last - first + 1 }, (_, k) => Number(((first + k) * step).toPrecision(12)));
}

/** The tick values' labels with just enough decimals to tell them apart. */
export function tickLabels(ticks: readonly number[]): string[] {
  if (ticks.length < 2) return ticks.map((t) => String(t));
  const step = Math.abs(ticks[1] - ticks[0]);
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  return ticks.map((t) => t.toFixed(decimals).replace(/^-(0\.?0*)$/, "$1"));
}

/** A linear map from [domain0, domain1] to [range0, range1]; a zero-width domain maps to the middle. */
export function linearScale(domain0: number, domain1: number, range0: number, range1: number): (value: number) => number {
  const width = domain1 - domain0;
  return (value) => (width === 0 ? (range0 + range1) / 2 : range0 + ((value - domain0) / width) * (range1 - range0));
}

/** [min, max] of the finite values, widened by `pad` of the span on each side. */
export function paddedExtent(values: ArrayLike<number>, pad = 0.04): [number, number] {
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  if (min > max) return [0, 1];
  const span = max - min || Math.abs(max) || 1;
  return [min - pad * span, max + pad * span];
}
