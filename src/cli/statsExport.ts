// `parzc stats export`: a store as JSONL (one architecture a line) or as NAS-Bench-Suite-Zero's
// zero-cost JSON, to a file (gzipped for .gz) or stdout.
import { Command, Option } from "commander";
import { resolveDataRoot } from "../data/paths.js";
import { writeText } from "../data/textFiles.js";
import { jsonlLines, suiteZeroJson, suiteZeroLayout } from "../pipeline/exportFormats.js";
import { StatsStore } from "../pipeline/store.js";
import { getSpace } from "../spaces/index.js";
import { checkOutputFile } from "../util/safeFiles.js";
import { warnOnStderr } from "../util/warn.js";
import { requireStore } from "./modelInputs.js";

interface ExportOptions {
  store: string;
  format: "jsonl" | "json";
  out?: string;
  data?: string;
}

const EXAMPLES = `
Examples:
  $ parzc stats export --store .parzc-cache/nb201-cifar10-b16-s0-grad_norm+snip+synflow.store --out nb201-c10.jsonl.gz
  $ parzc stats export --store runs/a.store --format json --out zc_nasbench201.json     # NAS-Bench-Suite-Zero layout
  $ parzc stats export --store runs/nb101.store --format json --out zc_nasbench101.json # keys: NASLib's 56-int tuples
In --format json each proxy is {"score"} (stores keep no timings) and val_accuracy comes from the benchmark
table: NB201 c10v_valid_200 (c100_valtest_200, in16_valtest_200); NB101 NASLib's val_accuracy, which only
its 500 cells have (null for every other cell).`;

export function statsExportCommand(): Command {
  return new Command("export")
    .description("Write a store as JSONL (one architecture a line, benchmark table order) or as NAS-Bench-Suite-Zero's zero-cost JSON (nb201, nb101)")
    .requiredOption("--store <store>", "the store to export")
    .addOption(new Option("--format <format>", "jsonl or json (NAS-Bench-Suite-Zero layout)").choices(["jsonl", "json"]).default("jsonl"))
    .option("--out <file>", "output file, gzipped when it ends in .gz (default: stdout)")
    .option("--data <dir>", "data folder for val_accuracy in --format json (default: $PARZC_DATA, then the project's data/, then ../shared/data beside the repository)")
    .addHelpText("after", EXAMPLES)
    .action(async (options: ExportOptions) => {
      requireStore(options.store);
      if (options.out !== undefined) checkOutputFile(options.out, { what: "export --out", inputs: [options.store] });
      const store = StatsStore.read(options.store);
      const space = getSpace(store.settings.space);
      if (options.format === "json") suiteZeroLayout(space, options.store); // refused before the data folder is read
      const failed = store.failed().length;
      if (failed > 0) warnOnStderr(`${failed} architecture(s) failed and are left out; rerun parzc stats to retry them.`);
      const text = options.format === "jsonl" ? jsonlLines(store) : [suiteZeroJson(store, space.benchmark(resolveDataRoot(options.data)))];
      await writeText(text, options.out);
      if (options.out) process.stderr.write(`exported ${store.count} architectures to ${options.out}\n`);
    });
}
