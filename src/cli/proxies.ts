// `parzc proxies --stats STORE`: each stored proxy's Kendall τ and Spearman ρ against a
// benchmark column, over the architectures in the store.
import { Command } from "commander";
import { resolveDataRoot } from "../data/paths.js";
import { proxyCorrelations } from "../pipeline/proxyCorrelations.js";
import { loadStats } from "../pipeline/statsData.js";
import { nb201 } from "../spaces/nb201/index.js";
import { nb201TableFile } from "../spaces/nb201/table.js";

interface ProxiesOptions {
  stats: string;
  target: string;
  json?: boolean;
  data?: string;
}

const EXAMPLES = `
Examples:
  $ parzc proxies --stats .parzc-cache/nb201-cifar10-b16-s0-grad_norm+snip+synflow.store
  $ parzc proxies --stats runs/a.store --target c10v_valid_200 --json`;

export function proxiesCommand(): Command {
  return new Command("proxies")
    .description("Rank correlation (Kendall τ-b, Spearman ρ) of each proxy in a stats store with a benchmark column; architectures with a non-finite score or target are left out")
    .requiredOption("--stats <store>", "a store written by parzc stats")
    .option("--target <column>", "benchmark column of nb201/nb201_merged.csv", "c10_test_200")
    .option("--json", "print one JSON object a line")
    .option("--data <dir>", "data folder (default: $PARZC_DATA, then ../shared/data beside the repository)")
    .addHelpText("after", EXAMPLES)
    .action((options: ProxiesOptions) => {
      const target = nb201.table(nb201TableFile(resolveDataRoot(options.data))).column(options.target);
      const rows = proxyCorrelations(loadStats(options.stats, { nodes: false }), target);
      if (options.json) {
        process.stdout.write(rows.map((row) => JSON.stringify({ ...row, target: options.target })).join("\n") + "\n");
        return;
      }
      const width = Math.max(5, ...rows.map((row) => row.proxy.length)) + 2;
      const lines = rows.map(({ proxy, n, kendall, spearman }) =>
        proxy.padEnd(width) + String(n).padStart(7) + kendall.toFixed(3).padStart(10) + spearman.toFixed(3).padStart(10),
      );
      process.stdout.write(`${"proxy".padEnd(width)}${"n".padStart(7)}${"tau".padStart(10)}${"rho".padStart(10)}\n${lines.join("\n")}\n(against ${options.target})\n`);
    });
}
