import { test } from "uvu";
import * as assert from "uvu/assert";
import { barChartSvg } from "../../src/report/barChartSvg.js";
import { scatterSvg } from "../../src/report/scatterSvg.js";
import { escapeXml, niceTicks, paddedExtent, tickLabels } from "../../src/report/svg.js";
import { viridis } from "../../src/report/viridis.js";
import { xmlElements } from "./xmlWellFormed.js";

const count = (names: string[], name: string) => names.filter((n) => n === name).length;

test("niceTicks picks 1, 2 or 5 × 10^k steps inside the range, or enclosing it when asked", () => {
  assert.equal(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.equal(niceTicks(80.3, 94.4, 6), [82, 84, 86, 88, 90, 92, 94]);
  assert.equal(niceTicks(-0.17, 0.67, 5, true), [-0.2, 0, 0.2, 0.4, 0.6, 0.8]);
  assert.equal(niceTicks(3, 3), [3]);
  assert.equal(niceTicks(NaN, 1), []);
  assert.equal(tickLabels([-0.2, 0, 0.2]), ["-0.2", "0.0", "0.2"]);
  assert.equal(tickLabels([80, 85, 90]), ["80", "85", "90"]);
});

test("paddedExtent ignores non-finite values and widens a constant", () => {
  assert.equal(paddedExtent([1, NaN, 3], 0), [1, 3]);
  const [low, high] = paddedExtent([2, 2]);
  assert.ok(low < 2 && high > 2);
});

test("viridis runs from dark purple to yellow and clamps", () => {
  assert.is(viridis(0), "#440154");
  assert.is(viridis(1), "#fde725");
  assert.is(viridis(2), "#fde725");
  assert.is(viridis(NaN), "#440154");
  assert.match(viridis(0.5), /^#[0-9a-f]{6}$/);
});

test("escapeXml escapes markup characters", () => {
  assert.is(escapeXml(`a<b & "c" 'd'>`), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
});

test("a scatter is well-formed SVG: axes with tick labels, one circle per finite point, a colour bar", () => {
  const points = [
    { x: 1, y: 90, value: 0.1, label: "|nor_conv_3x3~0|+|…| <best> & co" },
    { x: 2, y: 92, value: 0.5 },
    { x: NaN, y: 91, value: 0.2 },
  ];
  const svg = scatterSvg(points, { title: "P & T", xLabel: "predicted", yLabel: "true <acc>", colorLabel: "std" });
  const names = xmlElements(svg);
  assert.is(names[0], "svg");
  assert.is(count(names, "circle"), 2);
  assert.ok(count(names, "text") >= 8, "tick labels and axis labels");
  assert.is(count(names, "linearGradient"), 1);
  assert.ok(svg.includes("true &lt;acc&gt;") && svg.includes("P &amp; T") && svg.includes("&lt;best&gt; &amp; co"));
  assert.ok(svg.includes(`fill="${viridis(0)}"`) && svg.includes(`fill="${viridis(1)}"`), "the lowest and highest std take the ends of the scale");
});

test("a bar chart has one bar per finite value, a zero line and n/a for the rest", () => {
  const svg = barChartSvg([{ label: "ParZC", value: 0.72, highlight: true }, { label: "plain", value: -0.03 }, { label: "odd", value: NaN }], { title: "τ", valueLabel: "Kendall τ" });
  const names = xmlElements(svg);
  assert.is(count(names, "rect"), 3, "the background and two bars");
  assert.ok(svg.includes(">n/a<") && svg.includes(">0.720<") && svg.includes(">-0.030<"));
  assert.ok(svg.includes('stroke="#333"'), "the zero line");
  assert.ok(svg.includes('font-weight="bold">ParZC<'));
});

test("xmlElements rejects what is not well-formed", () => {
  assert.throws(() => xmlElements("<svg><g></svg>"), /closes/);
  assert.throws(() => xmlElements("<svg>a & b</svg>"), /bare &/);
  assert.throws(() => xmlElements("<svg x=1></svg>"), /malformed/);
});

test.run();
