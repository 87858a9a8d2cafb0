import { test } from "uvu";
import * as assert from "uvu/assert";
import { reportMarkdown } from "../../src/report/reportMarkdown.js";
import { reportContents } from "../../src/report/writeReport.js";
import type { DemoReport } from "../../src/search/demoRun.js";
import { xmlElements } from "./xmlWellFormed.js";

function report(parzcTau: number): DemoReport {
  const metrics = (kendall: number) => ({ kendall, spearman: kendall + 0.1, precisionTop5: 0.5, bestTop10: 94.1, n: 3 });
  const point = (index: number, mean: number, std: number, accuracy: number) => ({ arch: `|arch<${index}>|`, index, mean, std, accuracy });
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
    points: [point(1, 0.1, 0.01, 90), point(2, 0.5, 0.2, 93), point(3, 0.3, 0.05, 91)],
    search: {
      target: "c10_test_200", ranked: 4,
      rows: [{ rank: 1, arch: "|a|", index: 2, score: 0.5, std: 0.2, accuracy: 93 }],
      best: { arch: "|a|", index: 2, accuracy: 93, rank: 1 },
      optimum: { arch: "|b|", index: 6111, accuracy: 94.37 },
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

test.run();
