// The store's two export layouts, both in NB201 index order:
// - JSONL, one architecture a line, self-describing so `parzc stats import` can rebuild a store:
//   {"arch", "space", "index", "dataset", "batch", "seed", "proxies": {name: {"score", "nodes"}}, "flags"}
//   ("nodes" is [] for whole-network proxies such as params; non-finite values are null);
// - NAS-Bench-Suite-Zero's zero-cost JSON:
//   {"nasbench201": {"<dataset>": {"<NASLib op tuple>": {"<proxy>": {"score"}, …, "val_accuracy"}}}}.
import { formatNaslibTuple } from "../spaces/nb201/conversions.js";
import { type Nb201Dataset, type Nb201Table, nb201 } from "../spaces/nb201/index.js";
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

/** NB-Suite-Zero's val_accuracy is the validation accuracy at 200 epochs; these columns are ours closest to it. */
const VALIDATION_COLUMN: Record<Nb201Dataset, string> = {
  cifar10: "c10v_valid_200",
  cifar100: "c100_valtest_200",
  "ImageNet16-120": "in16_valtest_200",
};

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

export function suiteZeroJson(store: StatsStore, table: Nb201Table): string {
  const { dataset, proxies } = store.settings;
  const accuracy = table.column(VALIDATION_COLUMN[dataset as Nb201Dataset]);
  const archs: Record<string, Record<string, unknown>> = {};
  for (const record of store.records()) {
    const entry: Record<string, unknown> = Object.fromEntries(proxies.map((name) => [name, { score: record.scores[name] }]));
    entry.val_accuracy = accuracy[record.index];
    archs[formatNaslibTuple(nb201.toNaslib(nb201.parse(record.arch)))] = entry;
  }
  return JSON.stringify({ nasbench201: { [dataset]: archs } }) + "\n";
}
