// `parzc stats`: compute proxy statistics into a resumable store (the default subcommand), and
// its companions export, import and merge (one file each).
import { availableParallelism } from "node:os";
import { Command, InvalidArgumentError, Option } from "commander";
import { proxyBatchOption, requireInSpace, seedOption, workersOption } from "./optionParsers.js";
import { PARZC_PROXIES } from "../proxies/index.js";
import { getSpace, spaceNames } from "../spaces/index.js";
import { type ArchSpec, type Shard, parseArchSpec, parseShard } from "../pipeline/archList.js";
import { formatStatsSummary, leftToCompute, runStats } from "../pipeline/statsRun.js";
import { catchInterrupts, reportInterrupted } from "../util/interrupt.js";
import { quoted } from "../util/quoted.js";
import { statsExportCommand } from "./statsExport.js";
import { statsImportCommand } from "./statsImport.js";
import { statsMergeCommand } from "./statsMerge.js";
import { statsRepairCommand } from "./statsRepair.js";

interface RunOptions {
  space: string;
  dataset: string;
  archs: ArchSpec;
  seed: number;
  batch: number;
  proxies: string[];
  workers: number;
  out?: string;
  shard?: Shard;
  data?: string;
  worker?: string;
  json?: boolean;
}

const EXAMPLES = `
Examples:
  $ parzc stats --archs sample:100 --proxies grad_norm,snip,synflow --out runs/sample100.store
  $ parzc stats --archs all --seed 0 --batch 16 --workers 2        # store under .parzc-cache/ (or $PARZC_CACHE)
  $ parzc stats --archs all --shard \${JOB_COMPLETION_INDEX}/8 --out shards/\${JOB_COMPLETION_INDEX}.store
  $ parzc stats --space nb101 --archs sample:50 --out runs/nb101.store     # NASLib's sampler, seeded
  $ parzc stats --space nb101 --archs benchmark --out runs/nb101-all.store # the 3,052 labelled NB101 cells
  $ parzc stats export --store runs/sample100.store --out sample100.jsonl.gz
Rerun the same command after a crash or kill: it skips what the store holds and computes the rest.`;

/** `parzc arch` sizes networks for every NB201 dataset, but the proxies only have CIFAR-10 images. */
function statsDataset(name: string): string {
  if (name !== "cifar10") throw new InvalidArgumentError(`expected cifar10: parzc stats has no images for dataset ${quoted(name)} (the proxies run on CIFAR-10 images; ParZC reuses those statistics for ImageNet16-120).`);
  return name;
}

function proxyList(text: string): string[] {
  return text.split(",").map((name) => name.trim()).filter((name) => name !== "");
}

function runCommand(): Command {
  return new Command("run")
    .description("Compute proxy statistics for a list of architectures into a resumable store (the default: `parzc stats …` means `parzc stats run …`)")
    .addOption(new Option("--space <name>", "search space").choices(spaceNames()).default("nb201"))
    .addOption(new Option("--dataset <name>", "dataset: cifar10, the only one with images so far").argParser(statsDataset).default("cifar10"))
    .addOption(new Option("--archs <spec>", "all | benchmark (every architecture of the benchmark table) | sample:N (seeded by --seed) | file:PATH (one arch string a line)").argParser(parseArchSpec).default(parseArchSpec("all"), "all"))
    .option("--seed <n>", "seeds the weights, the images and sample:N", seedOption, 0)
    .option("--batch <n>", "images per batch", proxyBatchOption, 16)
    .addOption(new Option("--proxies <list>", "proxy names, comma-separated").argParser(proxyList).default([...PARZC_PROXIES], PARZC_PROXIES.join(",")))
    .addOption(new Option("--workers <n>", "worker threads").argParser(workersOption).default(availableParallelism(), `the number of cores, ${availableParallelism()}`))
    .option("--out <store>", "the store (default: a file per setting under $PARZC_CACHE, else .parzc-cache/)")
    .option("--shard <i/n>", "compute only positions p of the list with p mod n = i (0-based i)", parseShard)
    .option("--data <dir>", "data folder (default: $PARZC_DATA, then the project's data/, then ../shared/data beside the repository)")
    .option("--json", "print the summary as one JSON object (failures included) instead of a line")
    .addOption(new Option("--worker <module>", "the piscina worker module (tests swap in a fixture)").hideHelp())
    .addHelpText("after", EXAMPLES)
    .action(async ({ worker, json, ...options }: RunOptions) => {
      const { archs } = options;
      if (archs.kind === "sample") requireInSpace(getSpace(options.space), `--archs sample:${archs.count}`, archs.count);
      const interrupts = catchInterrupts();
      const summary = await runStats({ ...options, workerFile: worker, progress: process.stderr, signal: interrupts.signal }).finally(interrupts.dispose);
      for (const { arch, reason } of summary.failed) process.stderr.write(`parzc: failed ${arch}: ${reason}\n`);
      process.stdout.write(json ? `${JSON.stringify(summary)}\n` : `${formatStatsSummary(summary)}\n`);
      if (summary.failed.length > 0) process.exitCode = 1;
      if (summary.interrupted) reportInterrupted(interrupts, leftToCompute(summary), summary.total);
    });
}

export function statsCommand(): Command {
  const stats = new Command("stats")
    .description("Proxy statistics: compute them into a resumable store (default), export, import and merge stores")
    .addHelpText("after", EXAMPLES);
  // The root hands its settings (exit codes, error output) to its children only; pass them on.
  stats.hook("preSubcommand", (parent, subcommand) => void subcommand.copyInheritedSettings(parent));
  stats.addCommand(runCommand(), { isDefault: true });
  stats.addCommand(statsExportCommand());
  stats.addCommand(statsImportCommand());
  stats.addCommand(statsMergeCommand());
  stats.addCommand(statsRepairCommand());
  return stats;
}
