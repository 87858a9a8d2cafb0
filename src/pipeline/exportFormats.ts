// The store's two export layouts, both in benchmark table order (NB201: its index):
// - JSONL, one architecture a line, self-describing so `parzc stats import` can rebuild a store:
//   {"arch", "space", "index", "dataset", "batch", "seed", "proxies": {name: {"score", "nodes"}}, "flags"}
//   ("nodes" is [] for whole-network proxies such as params; non-finite values are null);
// - NAS-Bench-Suite-Zero's zero-cost JSON:
//   {"nasbench201": {"<dataset>": {"<NASLib op tuple>": {"<proxy>": {"score"}, …, "val_accuracy"}}}},
//   as the store's space writes it (SearchSpace.suiteZero; NB101: "nasbench101" and its 56-int tuples).
import { type AnySpace, type BenchmarkTable, type SuiteZeroLayout, getSpace } from "../spaces/index.js";
import { InputError } from "../util/errors.js";
import type { StatsSettings } from "./settings.js";
import type { ArchRecord, StatsStore } from "./store.js";

export interface ExportedArch {
  arch: string;
  space: string;
  index: number;
  dataset: string;
  batch: number;
  seed: number;
  proxies: Record<string, { score: number | null; nodes: (number | null)[] }>;
  flags: string[];
}

export function exportedArch(record: ArchRecord, { space, dataset, batch, seed, proxies }: StatsSettings): ExportedArch {
  const byProxy = Object.fromEntries(proxies.map((name) => [name, { score: record.scores[name], nodes: record.nodes[name] ?? [] }]));
  return { arch: record.arch, space, index: record.index, dataset, batch, seed, proxies: byProxy, flags: record.flags };
}

/** The inverse of exportedArch. */
export function storedArch(line: ExportedArch): ArchRecord {
  const entries = Object.entries(line.proxies);
  return {
    arch: line.arch,
    index: line.index,
    scores: Object.fromEntries(entries.map(([name, { score }]) => [name, score])),
    nodes: Object.fromEntries(entries.filter(([, { nodes }]) => nodes.length > 0).map(([name, { nodes }]) => [name, nodes])),
    flags: line.flags,
  };
}

export function* jsonlLines(store: StatsStore): Generator<string> {
  for (const record of store.records()) yield JSON.stringify(exportedArch(record, store.settings)) + "\n";
}

/** How NAS-Bench-Suite-Zero lays out the space that `store` (a path, for the message) holds. */
export function suiteZeroLayout(space: AnySpace, store: string): SuiteZeroLayout<unknown> {
  if (!space.suiteZero) {
    throw new InputError(`--format json: NAS-Bench-Suite-Zero has no layout for ${space.title} (space ${space.name}), which ${store} holds; export it with --format jsonl, the format every space has.`);
  }
  return space.suiteZero;
}

/** `table` is the store's space's benchmark; val_accuracy is null where it holds no value. */
export function suiteZeroJson(store: StatsStore, table: BenchmarkTable): string {
  const { space: name, dataset, proxies } = store.settings;
  const space = getSpace(name);
  const layout = suiteZeroLayout(space, store.path);
  const accuracy = table.column(layout.validation(dataset));
  const archs: Record<string, Record<string, unknown>> = {};
  for (const record of store.records()) {
    const entry: Record<string, unknown> = Object.fromEntries(proxies.map((proxy) => [proxy, { score: record.scores[proxy] }]));
    entry.val_accuracy = record.index >= 0 ? accuracy[record.index] : null;
    archs[layout.key(space.parse(record.arch))] = entry;
  }
  return JSON.stringify({ [layout.benchmark]: { [dataset]: archs } }) + "\n";
}
