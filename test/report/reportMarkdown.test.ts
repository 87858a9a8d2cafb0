import { test } from "uvu";
import * as assert from "uvu/assert";
import { fitCalibration, predictedValue } from "../../src/model/calibration.js";
import { reportMarkdown } from "../../src/report/reportMarkdown.js";
import { reportContents } from "../../src/report/writeReport.js";
import type { DemoReport } from "../../src/search/demoRun.js";
import { xmlElements } from "./xmlWellFormed.js";

// Scores 0.1 → 90 %, 0.3 → 91 %, 0.5 → 93 %.
const calibration = fitCalibration("c10v_valid_200", [0.1, 0.3, 0.5], [90, 91, 93]);

function report(parzcTau: number, calibrated = false): DemoReport {
  const metrics = (kendall: number) => ({ kendall, spearman: kendall + 0.1, precisionTop5: 0.5, bestTop10: 94.1, n: 3 });
  const predicted = (mean: number, std: number) => (calibrated ? { predicted: predictedValue(calibration, mean, std) } : {});
  const point = (index: number, mean: number, std: number, accuracy: number) => ({ arch: `|arch<${index}>|`, index, mean, std, ...predicted(mean, std), accuracy });
  return {
    settings: { space: "nb201", dataset: "cifar10", proxies: ["synflow", "params"], batch: 16, seed: 0 },
    store: "cache/x.store",
    targets: { train: "c10v_valid_200", evaluate: "c10_test_200" },
    counts: { sampled: 8, withStats: 8, trained: 4, heldOut: 4, evaluated: 3, excludedDegenerate: 1, excludedUndefined: 0, undefinedBy: { fisher: 2 } },
    methods: [
      { method: "ParZC", kind: "parzc", ...metrics(parzcTau) },
      { method: "synflow", kind: "proxy", ...metrics(0.6) },
      { method: "params", kind: "proxy", ...metrics(0.5) },
    ].sort((a, b) => b.kendall - a.kendall) as DemoReport["methods"],
    calibration: calibrated ? calibration : null,
    calibrationError: calibrated ? { column: "c10v_valid_200", medianAbsolute: 0.4, n: 3 } : null,
    points: [point(1, 0.1, 0.01, 90), point(2, 0.5, 0.2, 93), point(3, 0.3, 0.05, 91)],
    search: {
      target: "c10_test_200", ranked: 4,
      ...(calibrated ? { calibration: { column: "c10v_valid_200", n: 3 } } : {}),
      rows: [{ rank: 1, arch: "|a|", index: 2, score: 0.4, std: 0.1, ...predicted(0.4, 0.1), accuracy: 93 }],
      best: { arch: "|a|", index: 2, accuracy: 93, rank: 1 },
      optimum: { arch: "|b|", index: 6111, accuracy: 94.37 },
      optimumOver: { labelled: 15625, space: 15625 },
    },
    training: { epochs: 200, finalLoss: -0.5, stopped: null },
    seconds: { stats: 1, train: 2, predict: 0.5, total: 4 },
  };
}

test("the report says whether ParZC is ahead of every single proxy, with the evaluation rule's counts", () => {
  const ahead = reportMarkdown(report(0.7));
  assert.match(ahead, /ParZC's Kendall τ \(0\.700\) is ahead of every single proxy \(best: 0\.600\)/);
  assert.match(ahead, /\| \*\*ParZC\*\* \| parzc \| 0\.700 \| 0\.800 \|/);
  assert.match(ahead, /less 1 degenerate .* and 0 where .* \(fisher: 2\)/);
  assert.match(ahead, /Best found: \*\*93\.00\*\* \(rank 1, index 2\); the space's optimum over all 15,625 is 94\.37/);
  assert.match(reportMarkdown(report(0.55)), /is \*\*not\*\* ahead of the best single proxy \(0\.600\)/);
});

test("reportContents holds the markdown, two well-formed SVGs and the numbers as JSON", () => {
  const files = reportContents(report(0.7));
  assert.equal(Object.keys(files).sort(), ["kendall.svg", "report.md", "results.json", "scatter.svg"]);
  assert.is(xmlElements(files["scatter.svg"]).filter((name) => name === "circle").length, 3);
  assert.ok(files["scatter.svg"].includes("|arch&lt;2&gt;|"), "tooltips are escaped");
  assert.is(xmlElements(files["kendall.svg"]).filter((name) => name === "rect").length, 4);
  assert.is(JSON.parse(files["results.json"]).methods[0].kendall, 0.7);
});

test("with a calibration the search table, the scatter's x axis and the JSON give the predicted accuracy in %, raw scores kept", () => {
  const files = reportContents(report(0.7, true));
  const markdown = files["report.md"];
  // 0.4 ± 0.1 → calibrate(0.4) = 92, (calibrate(0.5) − calibrate(0.3)) / 2 = 1.
  assert.match(markdown, /\| rank \| index \| predicted `c10v_valid_200` \(%\) ± std \| c10_test_200 \| arch \|\n\|---\|---\|---\|---\|---\|\n\| 1 \| 2 \| 92\.00 ± 1\.00 \| 93\.00 \|/);
  assert.match(markdown, /isotonic calibration fitted on the 3 training architectures/);
  assert.match(markdown, /off by 0\.40 points/);
  assert.ok(files["scatter.svg"].includes("predicted c10v_valid_200 (%)"), "the x axis is the predicted accuracy");
  assert.ok(files["scatter.svg"].includes("std of the prediction (%)"));
  const json = JSON.parse(files["results.json"]);
  assert.equal(json.search.rows[0].predicted, { value: 92, std: 1 });
  assert.is(json.search.rows[0].score, 0.4, "the raw score stays in the JSON");
  assert.equal(json.points[1].predicted, { value: 93, std: 1 });
});

test("without a calibration (an old model) the report shows raw scores and says why", () => {
  const markdown = reportMarkdown(report(0.7));
  assert.match(markdown, /\| rank \| index \| ParZC score ± std \|/);
  assert.match(markdown, /\| 1 \| 2 \| 0\.4000 ± 0\.1000 \| 93\.00 \|/);
  assert.match(markdown, /no calibration/);
});

test.run();
