// `parzc stats import`: a JSONL export (plain or .gz) back into a store. Every line is checked
// against what parzc itself would have written: a known space (absent: nb201, as exports before
// spaces) and one of its datasets, the canonical arch string, its row in the space's benchmark
// table (NB201: its index; -1 where the table lacks it), known proxies, finite scores, one node
// value per Conv/Linear node, and the first line's settings. The whole file is checked before the
// store is touched, so a bad file imports nothing; architectures the store already holds are
// skipped.
import { readLines } from "../data/textFiles.js";
import { resolveDataRoot } from "../data/paths.js";
import { LEGACY_SPACE } from "../model/config.js";
import { getProxy } from "../proxies/index.js";
import { type AnySpace, type BenchmarkTable, getSpace } from "../spaces/index.js";
import { InputError } from "../util/errors.js";
import { defaultStorePath } from "./cachePath.js";
import { type ExportedArch, storedArch } from "./exportFormats.js";
import { type StatsSettings, settingDifference } from "./settings.js";
import { StatsStore, type Warn, warnOnStderr } from "./store.js";

export interface ImportOptions {
  /** The store (default: the one `parzc stats` would use for the file's settings). */
  out?: string;
  /** The data folder with the benchmark tables (--data); resolved as everywhere else when absent. */
  data?: string;
  warn?: Warn;
}

export interface ImportSummary {
  store: string;
  imported: number;
  /** Already in the store. */
  skipped: number;
}

const REEXPORT = "re-export the store with `parzc stats export`";

const isFiniteOrNull = (value: unknown) => value === null || (typeof value === "number" && Number.isFinite(value));

function parsedLine(text: string, where: string): ExportedArch {
  let line: Partial<ExportedArch>;
  try {
    line = JSON.parse(text) as Partial<ExportedArch>;
  } catch (error) {
    throw new InputError(`${where} is not JSON (${(error as Error).message}): expected one exported architecture a line, as \`parzc stats export\` writes.`);
  }
  const complete =
    typeof line?.arch === "string" && Number.isInteger(line.index) && typeof line.dataset === "string" && Number.isInteger(line.batch) &&
    Number.isInteger(line.seed) && typeof line.proxies === "object" && line.proxies !== null && Array.isArray(line.flags);
  if (!complete) throw new InputError(`${where} lacks some of arch, index, dataset, batch, seed, proxies and flags: expected a line of \`parzc stats export\`.`);
  return line as ExportedArch;
}

/** Each space's benchmark table under the data folder, looked up once per import. */
type Tables = (space: AnySpace) => BenchmarkTable;

function tablesUnder(dataRoot: string): Tables {
  const tables = new Map<string, BenchmarkTable>();
  return (space) => {
    let table = tables.get(space.name);
    if (!table) tables.set(space.name, (table = space.benchmark(dataRoot)));
    return table;
  };
}

function checkedArch(line: ExportedArch, where: string, space: AnySpace, tables: Tables): unknown {
  let arch: unknown;
  try {
    arch = space.parse(line.arch);
  } catch (error) {
    throw new InputError(`${where}, field arch: ${(error as Error).message}`);
  }
  if (space.format(arch) !== line.arch) throw new InputError(`${where}: "${line.arch}" is not in canonical form (${space.format(arch)}); ${REEXPORT}.`);
  const table = tables(space);
  const index = table.rowOf(line.arch);
  if (line.index !== index) {
    const expected = index < 0 ? "-1 (the table does not hold it)" : String(index);
    throw new InputError(`${where}, field index: ${line.index} is not the ${space.title} index of ${line.arch}; expected ${expected} (${table.file}). The line mixes up records: ${REEXPORT}.`);
  }
  return arch;
}

/** A proxy's entry: a known proxy, a finite score or null, and a node vector of the right length. */
function checkProxy(name: string, entry: unknown, space: AnySpace, arch: unknown, where: string): void {
  let reduction: string;
  try {
    reduction = getProxy(name).reduction;
  } catch (error) {
    throw new InputError(`${where}, field proxies: ${(error as Error).message}`);
  }
  const { score, nodes } = (entry ?? {}) as { score?: unknown; nodes?: unknown };
  if (!isFiniteOrNull(score)) throw new InputError(`${where}, field proxies.${name}.score: ${JSON.stringify(score) ?? "missing"}; expected a finite number or null.`);
  const count = reduction === "none" ? 0 : space.nodeCount(arch);
  const expected = reduction === "none" ? `[] (${name} is a whole-network proxy)` : `${count} values (one per Conv/Linear node of ${space.format(arch)} in ${space.name})`;
  if (!Array.isArray(nodes) || nodes.length !== count) {
    const found = Array.isArray(nodes) ? `${nodes.length} values` : (JSON.stringify(nodes) ?? "missing");
    throw new InputError(`${where}, field proxies.${name}.nodes: ${found}; expected ${expected}.`);
  }
  const bad = nodes.findIndex((value) => !isFiniteOrNull(value));
  if (bad >= 0) throw new InputError(`${where}, field proxies.${name}.nodes[${bad}]: ${JSON.stringify(nodes[bad])}; expected a finite number or null.`);
}

function spaceOf(line: ExportedArch, where: string): AnySpace {
  try {
    return getSpace(String(line.space ?? LEGACY_SPACE));
  } catch (error) {
    throw new InputError(`${where}, field space: ${(error as Error).message}`);
  }
}

/** One line, checked as a record parzc would have written. */
function checkedLine(text: string, where: string, tables: Tables): ExportedArch {
  const line = parsedLine(text, where);
  const space = spaceOf(line, where);
  if (!space.datasets.includes(line.dataset)) {
    throw new InputError(`${where}, field dataset: "${line.dataset}"; expected one of ${space.datasets.join(", ")} (the datasets of ${space.name}).`);
  }
  const arch = checkedArch(line, where, space, tables);
  const proxies = Object.entries(line.proxies);
  if (proxies.length === 0) throw new InputError(`${where}, field proxies: {}; expected each proxy's {"score", "nodes"}.`);
  for (const [name, entry] of proxies) checkProxy(name, entry, space, arch, where);
  if (!line.flags.every((flag) => typeof flag === "string")) throw new InputError(`${where}, field flags: ${JSON.stringify(line.flags)}; expected a list of strings.`);
  return line;
}

function settingsOf(line: ExportedArch): StatsSettings {
  return { space: line.space ?? LEGACY_SPACE, dataset: line.dataset, proxies: Object.keys(line.proxies), batch: line.batch, seed: line.seed };
}

/** The file's lines, each checked, with where they came from. */
async function* checkedLines(file: string, tables: Tables): AsyncGenerator<{ line: ExportedArch; where: string }> {
  let lineNumber = 0;
  for await (const text of readLines(file)) {
    lineNumber++;
    if (text.trim() === "") continue;
    const where = `${file} line ${lineNumber}`;
    yield { line: checkedLine(text, where, tables), where };
  }
}

/** Checks every line; returns the settings they share. */
async function fileSettings(file: string, tables: Tables): Promise<StatsSettings> {
  let first: { settings: StatsSettings; where: string } | undefined;
  for await (const { line, where } of checkedLines(file, tables)) {
    first ??= { settings: settingsOf(line), where };
    const difference = settingDifference(first.settings, settingsOf(line));
    if (difference) {
      const { flag, ours, theirs } = difference;
      throw new InputError(`${where} has ${flag} ${theirs} where ${first.where} has ${flag} ${ours}: a store keeps one setting. Import each setting into its own --out.`);
    }
  }
  if (!first) throw new InputError(`${file} holds no architectures: expected the JSONL that \`parzc stats export\` writes.`);
  return first.settings;
}

export async function importJsonl(file: string, { out, data, warn = warnOnStderr }: ImportOptions = {}): Promise<ImportSummary> {
  const tables = tablesUnder(resolveDataRoot(data));
  const settings = await fileSettings(file, tables);
  const store = StatsStore.write(out ?? defaultStorePath(settings), settings, warn);
  let imported = 0;
  let skipped = 0;
  try {
    // Read again, and checked again: the file is too large to hold, and may have changed since.
    for await (const { line } of checkedLines(file, tables)) {
      if (store.append(storedArch(line))) imported++;
      else skipped++;
    }
  } finally {
    store.close();
  }
  return { store: store.path, imported, skipped };
}
