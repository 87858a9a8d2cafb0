// `parzc stats repair`: set a store's damaged lines aside and keep every good record.
import { Command } from "commander";
import { repairStore } from "../pipeline/storeRepair.js";

export function statsRepairCommand(): Command {
  return new Command("repair")
    .description("Move a store's damaged lines (bad checksum, not a record) to STORE.damaged-<UTC time> and keep every good record")
    .argument("<store>", "the store to repair")
    .addHelpText("after", "\nExample:\n  $ parzc stats repair runs/nb201-c10.store")
    .action((store: string) => {
      const { kept, damaged, file } = repairStore(store);
      process.stdout.write(file ? `kept ${kept} records, set aside ${damaged} damaged line(s) to ${file}\n` : `kept ${kept} records: ${store} has no damaged lines, nothing to set aside\n`);
    });
}
