// One inline SVG per proxy: its node-wise values (x: node in module order, y: value) as one line
// per architecture. Values that are all positive use a log10 axis, since node values span decades.
import type { ProxyRecord } from "../src/browser.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 520, HEIGHT = 200, LEFT = 56, BOTTOM = 22, TOP = 8, RIGHT = 8;
export const SERIES_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"];

function element<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function nodeChart(proxy: string, records: readonly ProxyRecord[]): SVGSVGElement {
  const series = records.map((record) => Array.from(record.nodes[proxy] ?? []));
  const finite = series.flat().filter(Number.isFinite);
  const log = finite.length > 0 && finite.every((v) => v > 0);
  const y = (v: number) => (log ? Math.log10(v) : v);
  const low = finite.length ? Math.min(...finite.map(y)) : 0, high = finite.length ? Math.max(...finite.map(y)) : 1;
  const span = high - low || 1;
  const longest = Math.max(2, ...series.map((s) => s.length));
  const px = (i: number) => LEFT + (i / (longest - 1)) * (WIDTH - LEFT - RIGHT);
  const py = (v: number) => TOP + (1 - (y(v) - low) / span) * (HEIGHT - TOP - BOTTOM);
  const svg = element("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: "img", "aria-label": `${proxy} node values` });
  svg.append(element("rect", { x: LEFT, y: TOP, width: WIDTH - LEFT - RIGHT, height: HEIGHT - TOP - BOTTOM, class: "plot" }));
  const label = (v: number) => (log ? `1e${v.toFixed(1)}` : v.toPrecision(3));
  svg.append(element("text", { x: LEFT - 4, y: TOP + 10, class: "axis", "text-anchor": "end" }, label(high)));
  svg.append(element("text", { x: LEFT - 4, y: HEIGHT - BOTTOM, class: "axis", "text-anchor": "end" }, label(low)));
  svg.append(element("text", { x: (WIDTH + LEFT) / 2, y: HEIGHT - 6, class: "axis", "text-anchor": "middle" }, `node (module order)${log ? ", log scale" : ""}`));
  series.forEach((values, s) => {
    const points = values.flatMap((v, i) => (Number.isFinite(v) ? [`${px(i).toFixed(1)},${py(v).toFixed(1)}`] : []));
    svg.append(element("polyline", { points: points.join(" "), fill: "none", stroke: SERIES_COLOURS[s % SERIES_COLOURS.length], "stroke-width": 1.5 }));
  });
  return svg;
}
