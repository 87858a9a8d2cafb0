// A scatter plot as a standalone SVG: x against y, each point coloured by a third value on the
// viridis scale with a colour bar beside the plot (the report: ParZC's predicted score against
// the true accuracy, coloured by the prediction's std).
import { escapeXml, linearScale, niceTicks, paddedExtent, px, tickLabels } from "./svg.js";
import { viridis } from "./viridis.js";

export interface ScatterPoint {
  x: number;
  y: number;
  /** Sets the colour. */
  value: number;
  /** Tooltip (an SVG <title>). */
  label?: string;
}

export interface ScatterOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  colorLabel: string;
  width?: number;
  height?: number;
}

const MARGIN = { left: 64, right: 112, top: 40, bottom: 56 };
const COLOR_BAR = { width: 14, gap: 24, stops: 11 };

function axisLine(x1: number, y1: number, x2: number, y2: number): string {
  return `<line x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}" stroke="#333"/>`;
}

export function scatterSvg(points: readonly ScatterPoint[], options: ScatterOptions): string {
  const { width = 640, height = 480 } = options;
  const shown = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };
  const [x0, x1] = paddedExtent(shown.map((p) => p.x));
  const [y0, y1] = paddedExtent(shown.map((p) => p.y));
  const [v0, v1] = paddedExtent(shown.map((p) => p.value), 0);
  const sx = linearScale(x0, x1, plot.left, plot.right);
  const sy = linearScale(y0, y1, plot.bottom, plot.top);
  const colorOf = (value: number) => viridis(v1 > v0 ? (value - v0) / (v1 - v0) : 0.5);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${px(width / 2)}" y="22" text-anchor="middle" font-size="14">${escapeXml(options.title)}</text>`,
    `<g class="axes">`,
    axisLine(plot.left, plot.bottom, plot.right, plot.bottom),
    axisLine(plot.left, plot.bottom, plot.left, plot.top),
  ];
  const xTicks = niceTicks(x0, x1, 6), xLabels = tickLabels(xTicks);
  xTicks.forEach((t, i) => {
    parts.push(axisLine(sx(t), plot.bottom, sx(t), plot.bottom + 5), `<text x="${px(sx(t))}" y="${px(plot.bottom + 18)}" text-anchor="middle">${xLabels[i]}</text>`);
  });
  const yTicks = niceTicks(y0, y1, 6), yLabels = tickLabels(yTicks);
  yTicks.forEach((t, i) => {
    parts.push(axisLine(plot.left - 5, sy(t), plot.left, sy(t)), `<text x="${px(plot.left - 8)}" y="${px(sy(t) + 4)}" text-anchor="end">${yLabels[i]}</text>`);
  });
  parts.push(
    `<text x="${px((plot.left + plot.right) / 2)}" y="${px(height - 14)}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
    `<text transform="translate(16 ${px((plot.top + plot.bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`,
    `</g>`,
    `<g class="points" fill-opacity="0.85">`,
  );
  for (const p of shown) {
    const title = p.label === undefined ? "" : `<title>${escapeXml(p.label)}</title>`;
    parts.push(`<circle cx="${px(sx(p.x))}" cy="${px(sy(p.y))}" r="3.5" fill="${colorOf(p.value)}">${title}</circle>`);
  }
  parts.push(`</g>`, colorBar(plot.right + COLOR_BAR.gap, plot.top, plot.bottom, v0, v1, options.colorLabel), `</svg>`);
  return parts.join("\n") + "\n";
}

/** A vertical viridis gradient from v0 (bottom) to v1 (top) with ticks and a label. */
function colorBar(left: number, top: number, bottom: number, v0: number, v1: number, label: string): string {
  const stops = Array.from({ length: COLOR_BAR.stops }, (_, i) => {
    const t = i / (COLOR_BAR.stops - 1);
    return `<stop offset="${px(t * 100)}%" stop-color="${viridis(1 - t)}"/>`;
  });
  const scale = linearScale(v0, v1, bottom, top);
  const ticks = niceTicks(v0, v1, 5).filter((t) => t >= v0 && t <= v1);
  const labels = tickLabels(ticks);
  const right = left + COLOR_BAR.width;
  return [
    `<g class="color-bar">`,
    `<defs><linearGradient id="color-scale" x1="0" y1="0" x2="0" y2="1">${stops.join("")}</linearGradient></defs>`,
    `<rect x="${px(left)}" y="${px(top)}" width="${COLOR_BAR.width}" height="${px(bottom - top)}" fill="url(#color-scale)" stroke="#333"/>`,
    ...ticks.map((t, i) => `${axisLine(right, scale(t), right + 4, scale(t))}<text x="${px(right + 7)}" y="${px(scale(t) + 4)}">${labels[i]}</text>`),
    `<text transform="translate(${px(right + 48)} ${px((top + bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(label)}</text>`,
    `</g>`,
  ].join("\n");
}
