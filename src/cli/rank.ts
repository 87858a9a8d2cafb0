// `parzc rank`: score every architecture of a stats store with a model (mean of K Bayesian weight
// samples, with their std) and print the best ones.
import { availableParallelism } from "node:os";
import { Command } from "commander";
import { ParZC } from "../api/parzc.js";
import { rankPrediction } from "../api/ranking.js";
import { calibrationNote, formatPredicted } from "../model/calibration.js";
import { getSpace } from "../spaces/index.js";
import { benchmarkTable, requireStore } from "./modelInputs.js";
import { requireInSpace, samplesOption, seedOption, spaceCount, workersOption } from "./optionParsers.js";
import { withProgress } from "../pipeline/progress.js";

interface RankOptions {
  model: string;
  stats: string;
  top: number;
  json?: boolean;
  samples: number;
  seed: number;
  workers: number;
  data?: string;
}

const EXAMPLES = `
Examples:
  $ parzc rank --model models/p156-s0.json --stats runs/nb201-c10.store
  $ parzc rank --model models/p156-s0.json --stats runs/nb201-c10.store --top 100 --json > top100.jsonl`;

export function rankCommand(): Command {
  return new Command("rank")
    .description("Rank a stats store's architectures by a model's predicted score (the mean of K weight samples; the std is shown)")
    .requiredOption("--model <model>", "model file from parzc train")
    .requiredOption("--stats <store>", "stats store with the model's proxies")
    .option("--top <k>", "how many to print", spaceCount(1), 10)
    .option("--json", "one JSON object a line: rank, arch, index (its benchmark table row, null where the table lacks it), mean, std (the raw score) and predicted {value, std} (%)")
    .option("--samples <k>", "Bayesian weight samples per architecture", samplesOption, 8)
    .option("--seed <n>", "seeds the weight samples", seedOption, 0)
    .option("--workers <n>", "worker threads (default: the number of cores)", workersOption, availableParallelism())
    .option("--data <dir>", "data folder with the benchmark table (default: $PARZC_DATA, then the project's data/, then ../shared/data beside the repository)")
    .addHelpText("after", EXAMPLES)
    .action(async (options: RankOptions) => {
      const model = await ParZC.load(options.model);
      requireInSpace(getSpace(model.space), `--top ${options.top}`, options.top);
      requireStore(options.stats);
      const started = performance.now();
      const prediction = await withProgress("rank", (onProgress) =>
        model.predict(options.stats, { samples: options.samples, seed: options.seed, workers: options.workers, onProgress }));
      const seconds = (performance.now() - started) / 1000;
      const table = benchmarkTable(getSpace(model.space), options.data);
      const indexOf = (arch: string) => {
        const row = table.rowOf(arch);
        return row < 0 ? null : row;
      };
      const rows = rankPrediction(prediction.archs, prediction, options.top).map(({ rank, arch, mean, std, predicted }) => ({ rank, arch, index: indexOf(arch), mean, std, ...(predicted ? { predicted } : {}) }));
      if (options.json) {
        process.stdout.write(rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
        return;
      }
      const heading = model.calibration ? `predicted ${model.calibration.column} (%) ± std` : "score ± std";
      process.stdout.write(`rank  index  ${heading}  arch\n`);
      for (const row of rows) {
        const value = row.predicted ? formatPredicted(row.predicted) : `${row.mean.toFixed(3)} ± ${row.std.toFixed(3)}`;
        process.stdout.write(`${String(row.rank).padStart(4)}  ${String(row.index ?? "–").padStart(5)}  ${value.padStart(heading.length)}  ${row.arch}\n`);
      }
      process.stdout.write(`${calibrationNote(model.calibration)}\n`);
      process.stderr.write(`ranked ${prediction.archs.length} architectures with K=${prediction.samples} in ${seconds.toFixed(1)} s\n`);
    });
}
