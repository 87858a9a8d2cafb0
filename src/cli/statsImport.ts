// `parzc stats import`: a JSONL export (plain or .gz) back into a store.
import { Command } from "commander";
import { importJsonl } from "../pipeline/statsImport.js";
import { requireRegularFile } from "../util/safeFiles.js";

export function statsImportCommand(): Command {
  return new Command("import")
    .description("Read a JSONL export (plain or .gz) into a store; architectures the store holds are skipped")
    .argument("<file>", "a file written by parzc stats export (JSONL)")
    .option("--out <store>", "the store (default: a file per setting under $PARZC_CACHE, else .parzc-cache/)")
    .option("--data <dir>", "data folder with the NB201 table, to check each line's index (default: $PARZC_DATA, then the project's data/, then ../shared/data beside the repository)")
    .addHelpText("after", "\nExample:\n  $ parzc stats import nb201-c10.jsonl.gz --out runs/nb201-c10.store")
    .action(async (file: string, options: { out?: string; data?: string }) => {
      requireRegularFile(file, "export file", "pass a JSONL file written by `parzc stats export` (plain or .gz)");
      const { imported, skipped, store } = await importJsonl(file, options);
      process.stdout.write(`imported ${imported}, skipped ${skipped} (store ${store})\n`);
    });
}
