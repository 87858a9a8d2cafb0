// `parzc rank`: score every architecture of a stats store with a model (mean of K Bayesian weight
// samples, with their std) and print the best ones.
import { availableParallelism } from "node:os";
import { Command } from "commander";
import { ParZC } from "../api/parzc.js";
import { rankPrediction } from "../api/ranking.js";
import { benchmarkTable, storeFeatures } from "./modelInputs.js";
import { integerAtLeast } from "./optionParsers.js";
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
    .option("--top <k>", "how many to print", integerAtLeast(1), 10)
    .option("--json", "one JSON object a line: rank, arch, index, mean, std")
    .option("--samples <k>", "Bayesian weight samples per architecture", integerAtLeast(1), 8)
    .option("--seed <n>", "seeds the weight samples", integerAtLeast(0), 0)
    .option("--workers <n>", "worker threads (default: the number of cores)", integerAtLeast(1), availableParallelism())
    .option("--data <dir>", "data folder with the NB201 table (default: $PARZC_DATA, then ../shared/data beside the repository)")
    .addHelpText("after", EXAMPLES)
    .action(async (options: RankOptions) => {
      const model = await ParZC.load(options.model);
      const features = storeFeatures(options.stats, model.encoding);
      const started = performance.now();
      const prediction = await withProgress("rank", (onProgress) =>
        model.predict(features, { samples: options.samples, seed: options.seed, workers: options.workers, onProgress }));
      const seconds = (performance.now() - started) / 1000;
      const table = benchmarkTable(options.data);
      const rows = rankPrediction(prediction.archs, prediction, options.top).map(({ rank, arch, mean, std }) => ({ rank, arch, index: table.indexOf(arch), mean, std }));
      if (options.json) {
        process.stdout.write(rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
        return;
      }
      // Only an MSE term ties the outputs to the target's units; rank-only losses give a score.
      const calibrated = String(model.provenance.loss ?? "").includes("mse") && model.target.column !== "";
      process.stdout.write(`rank  index  ${calibrated ? `predicted ${model.target.column}` : "score"} ± std  arch\n`);
      for (const row of rows) {
        process.stdout.write(`${String(row.rank).padStart(4)}  ${String(row.index).padStart(5)}  ${row.mean.toFixed(3)} ± ${row.std.toFixed(3)}  ${row.arch}\n`);
      }
      process.stderr.write(`ranked ${prediction.archs.length} architectures with K=${prediction.samples} in ${seconds.toFixed(1)} s\n`);
    });
}
