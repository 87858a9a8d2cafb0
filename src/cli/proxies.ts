// `parzc proxies --stats STORE`: each stored proxy's Kendall τ and Spearman ρ against a column of
// the store's space's benchmark table, over the architectures in the store that the table holds;
// `--reference` sets them beside the space's published scores (NB201 NAS-Bench-Suite-Zero's, NB101
// NASLib's) on the architectures both hold.
import { Command } from "commander";
import { warnMissingRows } from "../api/inputs.js";
import { resolveDataRoot } from "../data/paths.js";
import { targetColumn } from "../model/statsDataset.js";
import { proxyCorrelations, type ProxyCorrelation } from "../pipeline/proxyCorrelations.js";
import { loadReferenceScores } from "../pipeline/referenceScores.js";
import { loadStats } from "../pipeline/statsData.js";
import { getSpace } from "../spaces/index.js";
import { warnOnStderr } from "../util/warn.js";
import { defaultTargets, requireStore } from "./modelInputs.js";

interface ProxiesOptions {
  stats: string;
  target?: string;
  json?: boolean;
  reference?: boolean;
  data?: string;
}

const EXAMPLES = `
Examples:
  $ parzc proxies --stats .parzc-cache/nb201-cifar10-b16-s0-grad_norm+snip+synflow.store
  $ parzc proxies --stats runs/a.store --target c10v_valid_200 --json
  $ parzc proxies --stats runs/a.store --target c10v_valid_200 --reference   # beside NAS-Bench-Suite-Zero's scores
  $ parzc proxies --stats runs/nb101.store --target val_accuracy --reference   # beside NASLib's, on its 500 cells`;

const fixed = (value: number) => value.toFixed(3).padStart(10);

function tableLine({ proxy, n, kendall, spearman, reference }: ProxyCorrelation, width: number): string {
  const ours = proxy.padEnd(width) + String(n).padStart(7) + fixed(kendall) + fixed(spearman);
  if (reference === undefined) return ours;
  if (reference === null) return ours + "         –".repeat(4);
  return ours + fixed(reference.kendall) + fixed(reference.spearman) + fixed(kendall - reference.kendall) + fixed(spearman - reference.spearman);
}

export function proxiesCommand(): Command {
  return new Command("proxies")
    .description("Rank correlation (Kendall τ-b, Spearman ρ) of each proxy in a stats store with a benchmark column; architectures with a non-finite score or target are left out")
    .requiredOption("--stats <store>", "a store written by parzc stats")
    .option("--target <column>", `column of the store's space's benchmark table (default: ${defaultTargets("evaluate")})`)
    .option("--reference", "also correlate the published CIFAR-10 scores, on the architectures both hold: nb201 NAS-Bench-Suite-Zero's (nbsz_graf/, 9,445 valid architectures), nb101 NASLib's (naslib_zc/, 500 records: 301 cells, copies averaged)")
    .option("--json", "print one JSON object a line")
    .option("--data <dir>", "data folder (default: $PARZC_DATA, then the project's data/, then ../shared/data beside the repository)")
    .addHelpText("after", EXAMPLES)
    .action((options: ProxiesOptions) => {
      requireStore(options.stats);
      const root = resolveDataRoot(options.data);
      const data = loadStats(options.stats, { nodes: false });
      const space = getSpace(data.settings.space);
      const target = options.target ?? space.targets.evaluate;
      const reference = options.reference ? loadReferenceScores(space, root, options.stats) : undefined;
      const column = targetColumn(space.benchmark(root), target);
      // Each record keeps its table row (NB201: its index), -1 where the table lacks it.
      warnMissingRows(data.indices.filter((row) => row < 0).length, space, options.stats, warnOnStderr);
      const rows = proxyCorrelations(data, column, reference);
      if (options.json) {
        process.stdout.write(rows.map((row) => JSON.stringify({ ...row, target })).join("\n") + "\n");
        return;
      }
      const width = Math.max(5, ...rows.map((row) => row.proxy.length)) + 2;
      const header = ["tau", "rho", ...(reference ? ["ref tau", "ref rho", "diff tau", "diff rho"] : [])].map((name) => name.padStart(10)).join("");
      const lines = rows.map((row) => tableLine(row, width));
      process.stdout.write(`${"proxy".padEnd(width)}${"n".padStart(7)}${header}\n${lines.join("\n")}\n(against ${target}${reference ? `; reference: ${reference.source}` : ""})\n`);
    });
}
