// The demo's report.md: what was run, the Kendall τ table of every method on the same held-out
// architectures, the two charts and the zero-shot search, with the numbers of results.json.
import { calibrationNote, formatPredicted } from "../model/calibration.js";
import type { DemoReport } from "../search/demoRun.js";
import type { MethodResult } from "../search/methodComparison.js";
import { optimumSentence } from "../search/zeroShot.js";
import { getSpace } from "../spaces/index.js";

export const REPORT_FILES = { markdown: "report.md", scatter: "scatter.svg", bars: "kendall.svg", json: "results.json", model: "model.json" } as const;

const fixed = (value: number, digits = 3) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");

/** The short name the summary and the charts use: NB201, NB101. */
export const spaceLabel = (name: string) => name.toUpperCase();

/** One line where ParZC trains and is evaluated on the same column (NB101's labelled cells have only test accuracy); null otherwise. */
export function sameTargetNote({ train, evaluate }: DemoReport["targets"]): string | null {
  return train === evaluate
    ? `${train} is the only accuracy the benchmark holds for these architectures, so ParZC trains on it and every method is evaluated on it (on the held-out architectures).`
    : null;
}

function methodTable(methods: readonly MethodResult[]): string[] {
  const bestProxy = Math.max(...methods.filter((m) => m.kind === "proxy").map((m) => m.kendall).filter(Number.isFinite));
  const rows = methods.map((m) => {
    const name = m.kind === "parzc" ? `**${m.method}**` : m.method;
    return `| ${name} | ${m.kind} | ${fixed(m.kendall)} | ${fixed(m.spearman)} | ${fixed(m.precisionTop5)} | ${fixed(m.bestTop10, 2)} | ${m.n} |`;
  });
  const parzc = methods.find((m) => m.kind === "parzc");
  const verdict = parzc && Number.isFinite(bestProxy)
    ? parzc.kendall > bestProxy
      ? `ParZC's Kendall τ (${fixed(parzc.kendall)}) is ahead of every single proxy (best: ${fixed(bestProxy)}).`
      : `ParZC's Kendall τ (${fixed(parzc.kendall)}) is **not** ahead of the best single proxy (${fixed(bestProxy)}).`
    : "";
  return [
    "| method | kind | Kendall τ | Spearman ρ | precision@top-5% | best true acc. in top 10 | n |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    verdict,
  ];
}

export function reportMarkdown(report: DemoReport): string {
  const { settings, counts, targets, search, calibration, calibrationError } = report;
  const note = sameTargetNote(targets);
  const predictedHead = calibration ? `predicted \`${calibration.column}\` (%) ± std` : "ParZC score ± std";
  const searchRows = search.rows.map((row) => {
    const value = row.predicted ? formatPredicted(row.predicted) : `${fixed(row.score, 4)} ± ${fixed(row.std ?? NaN, 4)}`;
    return `| ${row.rank} | ${row.index ?? "–"} | ${value} | ${fixed(row.accuracy, 2)} | \`${row.arch}\` |`;
  });
  return [
    "# ParZC demo",
    "",
    `${getSpace(settings.space).title} on CIFAR-10: ${counts.sampled} architectures sampled with seed ${settings.seed}; node-wise statistics of ` +
      `${settings.proxies.join(", ")} (batch ${settings.batch}). ParZC (MABN) was trained on ${counts.trained} of them ` +
      `against \`${targets.train}\` and every method is evaluated against \`${targets.evaluate}\`.`,
    ...(note ? ["", note] : []),
    "",
    `**Evaluation set** (${counts.evaluated} architectures): the ${counts.heldOut} held out from training, less ${counts.excludedDegenerate} ` +
      `degenerate (no input→output path) and ${counts.excludedUndefined} where some proxy's score or the target is undefined` +
      `${Object.keys(counts.undefinedBy).length > 0 ? ` (${Object.entries(counts.undefinedBy).map(([proxy, n]) => `${proxy}: ${n}`).join(", ")})` : ""}. ` +
      "Every method below is scored on exactly this set.",
    "",
    "## Kendall τ per method",
    "",
    ...methodTable(report.methods),
    "",
    `![Kendall τ per method](${REPORT_FILES.bars})`,
    "",
    "## ParZC's prediction against the truth",
    "",
    calibration
      ? `Each point is an evaluated architecture: ParZC's predicted \`${calibration.column}\` (its score, the mean of the Bayesian weight samples, through a monotone isotonic calibration fitted on the ${calibration.n} training architectures) against its true \`${targets.evaluate}\`, coloured by the samples' std mapped into the same units.` +
        (calibrationError ? ` On these architectures the predicted \`${calibrationError.column}\` is off by ${fixed(calibrationError.medianAbsolute, 2)} points (median |predicted − true|). The calibration keeps the order, so the Kendall τ above is the score's.` : "")
      : `Each point is an evaluated architecture: ParZC's raw score (the mean of its Bayesian weight samples) against its true \`${targets.evaluate}\`, coloured by the samples' std. ${calibrationNote(null)}`,
    "",
    `![predicted against true accuracy](${REPORT_FILES.scatter})`,
    "",
    "## Zero-shot search",
    "",
    `The ${search.ranked} held-out architectures ranked by ParZC's mean; the top ${search.rows.length}:`,
    "",
    `| rank | index | ${predictedHead} | ${search.target} | arch |`,
    "|---|---|---|---|---|",
    ...searchRows,
    "",
    calibrationNote(calibration) + " The raw scores are in `results.json`.",
    "",
    search.best
      ? `Best found: **${fixed(search.best.accuracy, 2)}** (rank ${search.best.rank}, index ${search.best.index}); ${optimumSentence(search)}.`
      : `No ranked architecture has a ${search.target} value; ${optimumSentence(search)}.`,
    "",
    "## Run",
    "",
    `Wall time ${report.seconds.total} s (statistics ${report.seconds.stats} s, training ${report.seconds.train} s for ${report.training.epochs} epochs, prediction ${report.seconds.predict} s). ` +
      `Statistics store: \`${report.store}\` (a rerun reuses it). All numbers are in \`results.json\`; the trained model is \`model.json\` ` +
      "(usable with `parzc eval` and `parzc search --model`).",
    ...(report.training.stopped ? ["", `Training stopped early: ${report.training.stopped}`] : []),
    "",
  ].join("\n");
}
