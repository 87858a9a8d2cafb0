// `parzc eval`: a model's ranking quality on every architecture of a stats store it was not
// trained on, against a column of its space's benchmark table (ParZC evaluates on test accuracy).
import { availableParallelism } from "node:os";
import { Command } from "commander";
import { ParZC } from "../api/parzc.js";
import { defaultTargets, formatMetric, requireStore } from "./modelInputs.js";
import { samplesOption, seedOption, workersOption } from "./optionParsers.js";
import { withProgress } from "../pipeline/progress.js";

interface EvalOptions {
  model: string;
  stats: string;
  target?: string;
  json?: boolean;
  samples: number;
  seed: number;
  workers: number;
  includeTrain?: boolean;
  data?: string;
}

const EXAMPLES = `
Examples:
  $ parzc eval --model models/p156-s0.json --stats runs/nb201-c10.store --target c10_test_200
  $ parzc eval --model models/p156-s0.json --stats runs/nb201-c10.store --target in16_test_200 --json`;

export function evalCommand(): Command {
  return new Command("eval")
    .description("Kendall τ-b, Spearman ρ, precision@top-5% and the best true value among the predicted top 10, over the store's architectures the model was not trained on")
    .requiredOption("--model <model>", "model file from parzc train")
    .requiredOption("--stats <store>", "stats store with the model's proxies")
    .option("--target <column>", `column of the model's space's benchmark table to compare with (default: ${defaultTargets("evaluate")})`)
    .option("--json", "print the metrics as one JSON object")
    .option("--samples <k>", "Bayesian weight samples averaged per architecture", samplesOption, 8)
    .option("--seed <n>", "seeds the weight samples", seedOption, 0)
    .option("--workers <n>", "worker threads (default: the number of cores)", workersOption, availableParallelism())
    .option("--include-train", "also score the architectures the model was trained on")
    .option("--data <dir>", "data folder with the benchmark table (default: $PARZC_DATA, then the project's data/, then ../shared/data beside the repository)")
    .addHelpText("after", EXAMPLES)
    .action(async (options: EvalOptions) => {
      const model = await ParZC.load(options.model);
      requireStore(options.stats);
      const { target, includeTrain, samples, seed, workers, data } = options;
      const metrics = await withProgress("eval", (onProgress) =>
        model.evaluate(options.stats, { target, includeTrain, samples, seed, workers, data, onProgress }));
      if (options.json) {
        process.stdout.write(JSON.stringify(metrics) + "\n");
        return;
      }
      process.stdout.write([
        `kendall        ${formatMetric(metrics.kendall)}`,
        `spearman       ${formatMetric(metrics.spearman)}`,
        `precisionTop5  ${formatMetric(metrics.precisionTop5)}`,
        `bestTop10      ${formatMetric(metrics.bestTop10)}`,
        `n              ${metrics.n}`,
      ].join("\n") + "\n");
    });
}
