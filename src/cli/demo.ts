// `parzc demo`: the README's main job in one command — statistics for a seeded NB201 sample,
// ParZC trained and compared with every baseline proxy on the same architectures, a zero-shot
// search — printed as a compact table and written to a report folder.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Command, Option } from "commander";
import { calibrationNote } from "../model/calibration.js";
import { formatDuration } from "../pipeline/progress.js";
import { StatsInterrupted, formatStatsSummary, leftToCompute } from "../pipeline/statsRun.js";
import { REPORT_FILES } from "../report/reportMarkdown.js";
import { writeReport } from "../report/writeReport.js";
import { DEMO_DEFAULTS, type DemoReport, runDemo } from "../search/demoRun.js";
import { formatSearch } from "../search/zeroShot.js";
import { type Interrupts, catchInterrupts, reportInterrupted } from "../util/interrupt.js";
import { checkOutputFile, checkWritableFolder } from "../util/safeFiles.js";
import { seedOption, spaceCount, workersOption } from "./optionParsers.js";

interface DemoCliOptions {
  sample: number;
  trainSize: number;
  seed: number;
  workers: number;
  out: string;
  data?: string;
  json?: boolean;
}

const EXAMPLES = `
Examples:
  $ parzc demo                                   # 4–5 minutes on 2 idle cores (bench/RESULTS.md); report in parzc-report/
  $ parzc demo --sample 40 --train-size 20 --out /tmp/small-report
  $ PARZC_CACHE=/tmp/cache parzc demo --data /path/to/data --json > demo.json
A rerun reuses the statistics already computed (the store in $PARZC_CACHE, else .parzc-cache/).`;

const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : "n/a");

function summary(report: DemoReport, files: string[]): string {
  const { counts, methods, search, targets } = report;
  const width = Math.max(...methods.map((m) => m.method.length)) + 2;
  return [
    `ParZC demo: NB201 CIFAR-10, ${counts.sampled} sampled, trained on ${counts.trained} (${targets.train}), evaluated on ${counts.evaluated} (${targets.evaluate})`,
    "",
    `${"method".padEnd(width)}${"tau".padStart(8)}${"rho".padStart(8)}`,
    ...methods.map((m) => `${m.method.padEnd(width)}${fixed(m.kendall).padStart(8)}${fixed(m.spearman).padStart(8)}`),
    "",
    `zero-shot search: the top ${search.rows.length} of ${search.ranked} held-out architectures by ParZC's mean`,
    formatSearch(search, "ParZC mean").trimEnd(),
    calibrationNote(report.calibration),
    ...(report.calibrationError ? [`on the ${report.calibrationError.n} evaluated architectures the predicted ${report.calibrationError.column} is off by ${report.calibrationError.medianAbsolute.toFixed(2)} points (median |predicted − true|)`] : []),
    "",
    `report: ${files.join(", ")}`,
    `wall time ${formatDuration(report.seconds.total)} (statistics ${formatDuration(report.seconds.stats)}, training ${formatDuration(report.seconds.train)})`,
  ].join("\n") + "\n";
}

/** Ctrl-C in the statistics phase: what the store holds and how to resume. Other errors pass. */
function resumeAfterInterrupt(interrupts: Interrupts): (error: unknown) => undefined {
  return (error) => {
    if (!(error instanceof StatsInterrupted)) throw error;
    process.stderr.write(`demo: statistics ${formatStatsSummary(error.summary)}\n`);
    reportInterrupted(interrupts, leftToCompute(error.summary), error.summary.total);
    return undefined;
  };
}

export function demoCommand(): Command {
  return new Command("demo")
    .description("Statistics for a seeded NB201 sample, ParZC trained and evaluated next to every baseline proxy, and a zero-shot search; writes a report folder")
    .option("--sample <n>", "NB201 architectures to sample (seeded)", spaceCount(3), DEMO_DEFAULTS.sample)
    .option("--train-size <n>", "of them, how many ParZC trains on; it is evaluated on the rest", spaceCount(2), DEMO_DEFAULTS.trainSize)
    .option("--seed <n>", "seeds the sample, the proxies' weights and images, the split and the training", seedOption, DEMO_DEFAULTS.seed)
    .addOption(new Option("--workers <n>", "worker threads").argParser(workersOption).default(availableParallelism(), `the number of cores, ${availableParallelism()}`))
    .option("--out <dir>", `report folder (${Object.values(REPORT_FILES).join(", ")})`, "parzc-report")
    .option("--data <dir>", "data folder (default: $PARZC_DATA, then the project's data/, then ../shared/data beside the repository)")
    .option("--json", "print every number as one JSON object instead of the table")
    .addHelpText("after", EXAMPLES)
    .action(async (options: DemoCliOptions) => {
      // Before the minutes of work: the report folder and every file the report will replace.
      checkWritableFolder(options.out, "report folder --out", "Pick another --out");
      for (const name of Object.values(REPORT_FILES)) checkOutputFile(join(options.out, name), { what: "report file" });
      const interrupts = catchInterrupts();
      const run = await runDemo({ sample: options.sample, trainSize: options.trainSize, seed: options.seed, workers: options.workers, data: options.data, signal: interrupts.signal })
        .catch(resumeAfterInterrupt(interrupts)).finally(interrupts.dispose);
      if (!run) return;
      const { report, model } = run;
      const files = writeReport(options.out, report, model);
      process.stdout.write(options.json ? JSON.stringify(report) + "\n" : summary(report, files));
    });
}
