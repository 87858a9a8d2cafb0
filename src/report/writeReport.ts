// The demo's report folder: report.md, the two SVG charts, results.json (every number) and the
// trained model. Each file is written whole to a temporary name and renamed, so a killed run never
// leaves a half-written file.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeModel } from "../model/modelFile.js";
import type { Predictor } from "../model/predictor.js";
import type { DemoReport } from "../search/demoRun.js";
import { barChartSvg } from "./barChartSvg.js";
import { REPORT_FILES, reportMarkdown } from "./reportMarkdown.js";
import { scatterSvg } from "./scatterSvg.js";

/** Each report file's name and text. */
export function reportContents(report: DemoReport): Record<string, string> {
  const { targets, counts } = report;
  return {
    [REPORT_FILES.markdown]: reportMarkdown(report),
    [REPORT_FILES.scatter]: scatterSvg(
      report.points.map((p) => ({ x: p.mean, y: p.accuracy, value: p.std, label: `#${p.index} ${p.arch}: predicted ${p.mean.toFixed(3)} ± ${p.std.toFixed(3)}, true ${p.accuracy.toFixed(2)}` })),
      { title: `ParZC on ${counts.evaluated} held-out NB201 architectures`, xLabel: "ParZC predicted score (mean of the weight samples)", yLabel: `true ${targets.evaluate} (%)`, colorLabel: "std (uncertainty)" },
    ),
    [REPORT_FILES.bars]: barChartSvg(
      report.methods.map((m) => ({ label: m.method, value: m.kendall, highlight: m.kind === "parzc" })),
      { title: `Kendall τ with ${targets.evaluate} (n = ${counts.evaluated})`, valueLabel: "Kendall τ-b" },
    ),
    [REPORT_FILES.json]: JSON.stringify(report, null, 2) + "\n",
  };
}

export function writeReport(folder: string, report: DemoReport, model: Predictor): string[] {
  mkdirSync(folder, { recursive: true });
  const written = Object.entries(reportContents(report)).map(([name, text]) => {
    const path = join(folder, name);
    writeFileSync(`${path}.tmp-${process.pid}`, text);
    renameSync(`${path}.tmp-${process.pid}`, path);
    return path;
  });
  const modelPath = join(folder, REPORT_FILES.model);
  writeModel(modelPath, model);
  return [...written, modelPath];
}
