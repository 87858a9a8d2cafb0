// The demo's report folder: report.md, the two SVG charts, results.json (every number) and the
// trained model. Each file is written whole to a temporary name and renamed, so a killed run never
// leaves a half-written file.
import { join } from "node:path";
import { writeModel } from "../model/modelFile.js";
import type { Predictor } from "../model/predictor.js";
import { formatPredicted } from "../model/calibration.js";
import type { DemoReport } from "../search/demoRun.js";
import { createFolder, writeFileAtomic } from "../util/safeFiles.js";
import { barChartSvg } from "./barChartSvg.js";
import { REPORT_FILES, reportMarkdown, spaceLabel } from "./reportMarkdown.js";
import { scatterSvg } from "./scatterSvg.js";

/** Each report file's name and text. */
export function reportContents(report: DemoReport): Record<string, string> {
  const { targets, counts, calibration, settings } = report;
  // The calibrated prediction where the model has one, else the raw score.
  const points = report.points.map((p) => p.predicted
    ? { x: p.predicted.value, y: p.accuracy, value: p.predicted.std, label: `#${p.index} ${p.arch}: predicted ${formatPredicted(p.predicted)} (score ${p.mean.toFixed(3)} ± ${p.std.toFixed(3)}), true ${p.accuracy.toFixed(2)}` }
    : { x: p.mean, y: p.accuracy, value: p.std, label: `#${p.index} ${p.arch}: score ${p.mean.toFixed(3)} ± ${p.std.toFixed(3)}, true ${p.accuracy.toFixed(2)}` });
  return {
    [REPORT_FILES.markdown]: reportMarkdown(report),
    [REPORT_FILES.scatter]: scatterSvg(points, {
      title: `ParZC on ${counts.evaluated} held-out ${spaceLabel(settings.space)} architectures`,
      xLabel: calibration ? `ParZC's predicted ${calibration.column} (%)` : "ParZC's raw score (mean of the weight samples)",
      yLabel: `true ${targets.evaluate} (%)`,
      colorLabel: calibration ? "std of the prediction (%)" : "std (uncertainty)",
    }),
    [REPORT_FILES.bars]: barChartSvg(
      report.methods.map((m) => ({ label: m.method, value: m.kendall, highlight: m.kind === "parzc" })),
      { title: `Kendall τ with ${targets.evaluate} (n = ${counts.evaluated})`, valueLabel: "Kendall τ-b" },
    ),
    [REPORT_FILES.json]: JSON.stringify(report, null, 2) + "\n",
  };
}

export function writeReport(folder: string, report: DemoReport, model: Predictor): string[] {
  createFolder(folder, "report folder");
  const written = Object.entries(reportContents(report)).map(([name, text]) => {
    const path = join(folder, name);
    writeFileAtomic(path, text);
    return path;
  });
  const modelPath = join(folder, REPORT_FILES.model);
  writeModel(modelPath, model);
  return [...written, modelPath];
}
