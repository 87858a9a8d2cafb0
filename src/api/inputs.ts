// What the model's callers read: proxy statistics (a store's path, computeProxies records, or
// arrays already in memory), encoded as a model expects with warnings for what was dropped, and
// the NB201 benchmark table that supplies the targets.
import { resolveDataRoot } from "../data/paths.js";
import type { EncodingSettings } from "../model/predictor.js";
import { encodeStats, type EncodedStats, type NodeStats } from "../model/statsDataset.js";
import type { StatsSettings } from "../pipeline/settings.js";
import { loadStats } from "../pipeline/statsData.js";
import type { ProxyRecord } from "../proxies/compute.js";
import { nb201 } from "../spaces/nb201/index.js";
import { nb201TableFile, type Nb201Table } from "../spaces/nb201/table.js";
import type { Warn } from "../util/warn.js";

/** A stats store's path, computeProxies' records, or per-proxy node vectors (loadStats' shape). */
export type StatsInput = string | NodeStats | readonly ProxyRecord[];

export interface ReadStats {
  stats: NodeStats;
  /** Names the stats in messages. */
  source: string;
  /** The store's settings, when read from a store. */
  settings?: StatsSettings;
}

export function readStatsInput(input: StatsInput, warn: Warn): ReadStats {
  if (typeof input === "string") {
    const stats = loadStats(input, { warn });
    return { stats, source: input, settings: stats.settings };
  }
  if (Array.isArray(input)) return { stats: nodeStatsOf(input as readonly ProxyRecord[]), source: "the proxy records" };
  return { stats: input as NodeStats, source: "the stats" };
}

function nodeStatsOf(records: readonly ProxyRecord[]): NodeStats {
  const proxies = new Set(records.flatMap((record) => Object.keys(record.nodes)));
  return {
    archs: records.map((record) => record.arch),
    nodes: Object.fromEntries([...proxies].map((proxy) => [proxy, records.map((record) => record.nodes[proxy])])),
  };
}

/** encodeStats, with a warning for the architectures left out and the values masked. */
export function encodeForModel(stats: NodeStats, encoding: EncodingSettings, source: string, warn: Warn): EncodedStats {
  const encoded = encodeStats(stats, encoding);
  if (encoded.missingNodes > 0) warn(`${encoded.missingNodes} architecture(s) in ${source} lack node vectors of ${encoding.proxies.join(", ")} and are left out.`);
  if (encoded.masked > 0) warn(`${encoded.masked} NaN/Inf feature value(s) were read as 0.`);
  return encoded;
}

/** The NB201 table under --data, $PARZC_DATA or ../shared/data (src/data/paths.ts). */
export function benchmarkTable(data: string | undefined): Nb201Table {
  return nb201.table(nb201TableFile(resolveDataRoot(data)));
}
