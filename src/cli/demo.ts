// `parzc demo`: the README's main job in one command — statistics for a seeded sample of a space
// (NB201 by default), ParZC trained and compared with every baseline proxy on the same
// architectures, a zero-shot search — printed as a compact table and written to a report folder.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Command, Option } from "commander";
import { calibrationNote } from "../model/calibration.js";
import { formatDuration } from "../pipeline/progress.js";
import { StatsInterrupted, formatStatsSummary, leftToCompute } from "../pipeline/statsRun.js";
import { REPORT_FILES, sameTargetNote, spaceLabel } from "../report/reportMarkdown.js";
import { writeReport } from "../report/writeReport.js";
import { DEMO_DEFAULTS, type DemoReport, runDemo } from "../search/demoRun.js";
import { formatSearch } from "../search/zeroShot.js";
import { type DemoPlan, getSpace, spaceNames } from "../spaces/index.js";
import { type Interrupts, catchInterrupts, reportInterrupted } from "../util/interrupt.js";
import { checkOutputFile, checkWritableFolder } from "../util/safeFiles.js";
import { seedOption, spaceCount, workersOption } from "./optionParsers.js";

interface DemoCliOptions {
  space: string;
  sample?: number;
  trainSize?: number;
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
  $ parzc demo --space nb101 --out nb101-report   # 160 of NB101's 2,500 labelled cells, trained on 100 (test_accuracy)
  $ PARZC_CACHE=/tmp/cache parzc demo --data /path/to/data --json > demo.json
A rerun reuses the statistics already computed (the store in $PARZC_CACHE, else .parzc-cache/).`;

const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : "n/a");

function summary(report: DemoReport, files: string[]): string {
  const { counts, methods, search, targets } = report;
  const width = Math.max(...methods.map((m) => m.method.length)) + 2;
  const note = sameTargetNote(targets);
  return [
    `ParZC demo: ${spaceLabel(report.settings.space)} CIFAR-10, ${counts.sampled} sampled, trained on ${counts.trained} (${targets.train}), evaluated on ${counts.evaluated} (${targets.evaluate})`,
    ...(note ? [note] : []),
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

/** A demo default of every space, for the help: "nb201 280, nb101 160". */
const perSpace = (pick: (demo: DemoPlan) => number) => spaceNames().map((name) => `${name} ${pick(getSpace(name).demo)}`).join(", ");

export function demoCommand(): Command {
  return new Command("demo")
    .description("Statistics for a seeded sample of a search space, ParZC trained and evaluated next to every baseline proxy, and a zero-shot search; writes a report folder")
    .option("--space <name>", `search space: ${spaceNames().join(", ")} (NB101: drawn from the cells with a test accuracy)`, DEMO_DEFAULTS.space)
    .option("--sample <n>", `architectures to sample (seeded; default ${perSpace((demo) => demo.sample)})`, spaceCount(3))
    .option("--train-size <n>", `of them, how many ParZC trains on; it is evaluated on the rest (default ${perSpace((demo) => demo.trainSize)})`, spaceCount(2))
    .option("--seed <n>", "seeds the sample, the proxies' weights and images, the split and the training", seedOption, DEMO_DEFAULTS.seed)
    .addOption(new Option("--workers <n>", "worker threads").argParser(workersOption).default(availableParallelism(), `the number of cores, ${availableParallelism()}`))
    .option("--out <dir>", `report folder (${Object.values(REPORT_FILES).join(", ")})`, "parzc-report")
    .option("--data <dir>", "data folder (default: $PARZC_DATA, then the project's data/, then ../shared/data beside the repository)")
    .option("--json", "print every number as one JSON object instead of the table")
    .addHelpText("after", EXAMPLES)
    .action(async (options: DemoCliOptions) => {
      // Before the minutes of work: the space, the report folder and every file the report will replace.
      getSpace(options.space);
      checkWritableFolder(options.out, "report folder --out", "Pick another --out");
      for (const name of Object.values(REPORT_FILES)) checkOutputFile(join(options.out, name), { what: "report file" });
      const interrupts = catchInterrupts();
      const run = await runDemo({ space: options.space, sample: options.sample, trainSize: options.trainSize, seed: options.seed, workers: options.workers, data: options.data, signal: interrupts.signal })
        .catch(resumeAfterInterrupt(interrupts)).finally(interrupts.dispose);
      if (!run) return;
      const { report, model } = run;
      const files = writeReport(options.out, report, model);
      process.stdout.write(options.json ? JSON.stringify(report) + "\n" : summary(report, files));
    });
}
