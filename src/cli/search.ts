// `parzc search`: zero-shot NAS. Rank a pool of a space's architectures (--space, NB201 by default)
// with a ParZC model trained on that space (or one training-free proxy, or its ParZC†
// reweighting), computing the statistics the pool lacks, and print the top N with their true
// accuracy and the best found against the benchmark's optimum.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Command, Option } from "commander";
import { calibrationNote } from "../model/calibration.js";
import { readModel } from "../model/modelFile.js";
import { NODE_WEIGHTINGS, type NodeWeighting } from "../proxies/weighting.js";
import type { ArchSpec } from "../pipeline/archList.js";
import { parsePoolSpec } from "../search/poolSpec.js";
import { type Ranker, runSearch } from "../search/searchRun.js";
import { formatSearch } from "../search/zeroShot.js";
import { InputError } from "../util/errors.js";
import { getSpace, spaceNames } from "../spaces/index.js";
import { defaultTargets, requireStore } from "./modelInputs.js";
import { proxyBatchOption, requireInSpace, samplesOption, seedOption, spaceCount, workersOption } from "./optionParsers.js";

interface SearchCliOptions {
  model?: string;
  proxy?: string;
  weighting?: NodeWeighting;
  space: string;
  pool: ArchSpec;
  top: number;
  seed: number;
  batch: number;
  samples: number;
  workers: number;
  stats?: string;
  target?: string;
  data?: string;
  json?: boolean;
}

const EXAMPLES = `
Examples:
  $ parzc search --model parzc-report/model.json --space nb201 --top 10          # the demo's model, 1,000 sampled
  $ parzc search --model m.json --pool all --json > search.json
  $ parzc search --proxy synflow --pool sample:2000                              # training-free
  $ parzc search --proxy snip --weighting sine                                   # ParZC†: snip's nodes reweighted
  $ parzc search --space nb101 --proxy synflow --pool benchmark                  # NB101's 2,842 table cells
  $ parzc search --space nb101 --model nb101-report/model.json --pool benchmark  # a model trained on NB101
Statistics are kept in the cache store of the ranker's settings, so a rerun or a larger pool reuses them.`;

async function rankerOf(options: SearchCliOptions): Promise<Ranker> {
  if ((options.model === undefined) === (options.proxy === undefined)) {
    throw new InputError(`${options.model ? "both --model and --proxy were given" : "neither --model nor --proxy was given"}: pass exactly one, --model FILE (a ParZC model from parzc train or parzc demo) or --proxy NAME (training-free).`);
  }
  if (options.weighting && !options.proxy) throw new InputError("--weighting reweights a proxy's nodes (ParZC†): it needs --proxy NAME, not --model.");
  if (options.model) return { kind: "model", model: await readModel(options.model), samples: options.samples };
  return { kind: "proxy", proxy: options.proxy!, weighting: options.weighting, batch: options.batch };
}

export function searchCommand(): Command {
  return new Command("search")
    .description("Zero-shot NAS: rank a pool of architectures with a ParZC model or a zero-cost proxy and print the top N with their true accuracy")
    .option("--model <model>", "ParZC model file (parzc train --out, or the demo's model.json)")
    .option("--proxy <name>", "rank by this zero-cost proxy instead of a model (training-free)")
    .addOption(new Option("--weighting <scheme>", "with --proxy: ParZC†, the proxy's node contributions reweighted (sine is ParZC†'s)").choices(Object.keys(NODE_WEIGHTINGS)))
    .option("--space <name>", `search space: ${spaceNames().join(", ")} (a --model must have been trained on it)`, "nb201")
    .addOption(new Option("--pool <spec>", "all | benchmark (the architectures of the space's benchmark table) | sample:N (seeded by --seed) | file:PATH").argParser(parsePoolSpec).default(parsePoolSpec("sample:1000"), "sample:1000"))
    .option("--top <n>", "how many to print", spaceCount(1), 10)
    .option("--seed <n>", "seeds the pool's sample and the weight samples (and, with --proxy, the proxy's statistics)", seedOption, 0)
    .option("--batch <n>", "with --proxy: images per batch for its statistics (a model uses the batch it was trained with)", proxyBatchOption, 16)
    .option("--samples <k>", "Bayesian weight samples per architecture", samplesOption, 8)
    .addOption(new Option("--workers <n>", "worker threads").argParser(workersOption).default(availableParallelism(), `the number of cores, ${availableParallelism()}`))
    .option("--stats <store>", "stats store to read and extend (default: the cache store of the ranker's proxies, batch and seed)")
    .option("--target <column>", `benchmark column of the true accuracies (default: ${defaultTargets("evaluate")})`)
    .option("--data <dir>", "data folder (default: $PARZC_DATA, then the project's data/, then ../shared/data beside the repository)")
    .option("--json", "print the result as one JSON object")
    .addHelpText("after", EXAMPLES)
    .action(async (options: SearchCliOptions) => {
      const space = getSpace(options.space);
      requireInSpace(space, `--top ${options.top}`, options.top);
      if (options.pool.kind === "sample") requireInSpace(space, `--pool sample:${options.pool.count}`, options.pool.count);
      const ranker = await rankerOf(options);
      if (options.stats !== undefined && existsSync(options.stats)) requireStore(options.stats); // a missing one is created
      const outcome = await runSearch(ranker, {
        space: options.space, pool: options.pool, top: options.top, seed: options.seed, target: options.target,
        workers: options.workers, stats: options.stats, data: options.data,
      });
      if (options.json) {
        process.stdout.write(JSON.stringify(outcome) + "\n");
        return;
      }
      process.stdout.write(`${outcome.method}: the top ${outcome.result.rows.length} of ${outcome.result.ranked} ranked (pool of ${outcome.pool}, store ${outcome.store})\n`);
      process.stdout.write(formatSearch(outcome.result, ranker.kind === "model" ? "ParZC mean" : "score"));
      if (ranker.kind === "model") process.stdout.write(`${calibrationNote(ranker.model.calibration)}\n`);
    });
}
