// `parzc stats import`: a JSONL export (plain or .gz) back into a store. Every line must carry
// the settings of the first; architectures the store already holds are skipped.
import { readLines } from "../data/textFiles.js";
import { nb201 } from "../spaces/nb201/index.js";
import { InputError } from "../util/errors.js";
import { defaultStorePath } from "./cachePath.js";
import { type ExportedArch, storedArch } from "./exportFormats.js";
import { type StatsSettings, settingDifference } from "./settings.js";
import { StatsStore, type Warn, warnOnStderr } from "./store.js";

export interface ImportSummary {
  store: string;
  imported: number;
  /** Already in the store. */
  skipped: number;
}

function parsedLine(text: string, where: string): ExportedArch {
  let line: Partial<ExportedArch>;
  try {
    line = JSON.parse(text) as Partial<ExportedArch>;
  } catch (error) {
    throw new InputError(`${where} is not JSON (${(error as Error).message}): expected one exported architecture a line, as \`parzc stats export\` writes.`);
  }
  const complete =
    typeof line.arch === "string" && Number.isInteger(line.index) && typeof line.dataset === "string" && Number.isInteger(line.batch) &&
    Number.isInteger(line.seed) && typeof line.proxies === "object" && Array.isArray(line.flags);
  if (!complete) throw new InputError(`${where} lacks some of arch, index, dataset, batch, seed, proxies and flags: expected a line of \`parzc stats export\`.`);
  if (nb201.format(nb201.parse(line.arch!)) !== line.arch) {
    throw new InputError(`${where}: "${line.arch}" is not in canonical form (${nb201.format(nb201.parse(line.arch!))}); re-export it with parzc.`);
  }
  return line as ExportedArch;
}

function settingsOf(line: ExportedArch): StatsSettings {
  return { space: line.space ?? nb201.name, dataset: line.dataset, proxies: Object.keys(line.proxies), batch: line.batch, seed: line.seed };
}

/** `out` defaults to the store that `parzc stats` would use for the file's settings. */
export async function importJsonl(file: string, out?: string, warn: Warn = warnOnStderr): Promise<ImportSummary> {
  let store: StatsStore | undefined;
  let imported = 0;
  let skipped = 0;
  let lineNumber = 0;
  try {
    for await (const text of readLines(file)) {
      lineNumber++;
      if (text.trim() === "") continue;
      const where = `${file} line ${lineNumber}`;
      const line = parsedLine(text, where);
      const settings = settingsOf(line);
      store ??= StatsStore.write(out ?? defaultStorePath(settings), settings, warn);
      const difference = settingDifference(store.settings, settings);
      if (difference) {
        const { flag, ours, theirs } = difference;
        throw new InputError(`${where} has ${flag} ${theirs} where the store ${store.path} has ${flag} ${ours}: a store keeps one setting. Import it into another --out.`);
      }
      if (store.append(storedArch(line))) imported++;
      else skipped++;
    }
  } finally {
    store?.close();
  }
  if (!store) throw new InputError(`${file} holds no architectures: expected the JSONL that \`parzc stats export\` writes.`);
  return { store: store.path, imported, skipped };
}
