// `parzc stats merge`: stores of one setting (e.g. the shards of one run) into one.
import { Command } from "commander";
import { mergeStores } from "../pipeline/merge.js";

export function statsMergeCommand(): Command {
  return new Command("merge")
    .description("Merge stores written with the same settings (e.g. --shard runs) into one, each architecture once")
    .argument("<stores...>", "stores to merge")
    .option("--out <store>", "the merged store (default: the unsharded store under $PARZC_CACHE, else .parzc-cache/)")
    .addHelpText("after", "\nExample:\n  $ parzc stats merge shards/*.store --out nb201-c10.store")
    .action((stores: string[], options: { out?: string }) => {
      const { added, duplicates, failed, store } = mergeStores(stores, options.out);
      process.stdout.write(`added ${added}, duplicates ${duplicates}, failed ${failed} (store ${store})\n`);
    });
}
