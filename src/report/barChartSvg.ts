// A horizontal bar chart as a standalone SVG, one bar per method (the report: Kendall τ of ParZC
// and of each zero-cost proxy). Bars grow from zero, so negative values point left.
import { escapeXml, linearScale, niceTicks, px, tickLabels } from "./svg.js";

export interface Bar {
  label: string;
  value: number;
  /** Drawn in the accent colour (ParZC). */
  highlight?: boolean;
}

export interface BarChartOptions {
  title: string;
  valueLabel: string;
  width?: number;
}

const ROW = 22;
const MARGIN = { top: 40, bottom: 48, right: 48 };
/** Label column width: about 6.6 px per character at font-size 11. */
const labelWidth = (bars: readonly Bar[]) => 16 + 6.6 * Math.max(6, ...bars.map((b) => b.label.length));

export function barChartSvg(bars: readonly Bar[], options: BarChartOptions): string {
  const { width = 640 } = options;
  const height = MARGIN.top + bars.length * ROW + MARGIN.bottom;
  const plot = { left: labelWidth(bars), right: width - MARGIN.right, top: MARGIN.top, bottom: MARGIN.top + bars.length * ROW };
  const finite = bars.map((b) => b.value).filter(Number.isFinite);
  const ticks = niceTicks(Math.min(0, ...finite), Math.max(0, ...finite, 1e-9), 5, true);
  const sx = linearScale(ticks[0], ticks[ticks.length - 1], plot.left, plot.right);
  const labels = tickLabels(ticks);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${px(width / 2)}" y="22" text-anchor="middle" font-size="14">${escapeXml(options.title)}</text>`,
    `<g class="axes">`,
    ...ticks.map((t, i) =>
      `<line x1="${px(sx(t))}" y1="${plot.top}" x2="${px(sx(t))}" y2="${plot.bottom}" stroke="${t === 0 ? "#333" : "#ddd"}"/>` +
      `<text x="${px(sx(t))}" y="${plot.bottom + 16}" text-anchor="middle">${labels[i]}</text>`),
    `<text x="${px((plot.left + plot.right) / 2)}" y="${height - 12}" text-anchor="middle">${escapeXml(options.valueLabel)}</text>`,
    `</g>`,
    `<g class="bars">`,
  ];
  bars.forEach((bar, i) => {
    const y = plot.top + i * ROW;
    const middle = y + ROW / 2 + 4;
    parts.push(`<text x="${px(plot.left - 8)}" y="${px(middle)}" text-anchor="end"${bar.highlight ? ' font-weight="bold"' : ""}>${escapeXml(bar.label)}</text>`);
    if (!Number.isFinite(bar.value)) {
      parts.push(`<text x="${px(sx(0) + 4)}" y="${px(middle)}" fill="#777">n/a</text>`);
      return;
    }
    const [from, to] = [sx(Math.min(0, bar.value)), sx(Math.max(0, bar.value))];
    parts.push(
      `<rect x="${px(from)}" y="${px(y + 3)}" width="${px(Math.max(0.5, to - from))}" height="${ROW - 6}" fill="${bar.highlight ? "#d95f02" : "#3b528b"}"><title>${escapeXml(`${bar.label}: ${bar.value.toFixed(3)}`)}</title></rect>`,
      // Beyond the bar's end on the right of zero; a negative bar's value sits right of zero too.
      `<text x="${px(to + 4)}" y="${px(middle)}">${bar.value.toFixed(3)}</text>`,
    );
  });
  parts.push(`</g>`, `</svg>`);
  return parts.join("\n") + "\n";
}
