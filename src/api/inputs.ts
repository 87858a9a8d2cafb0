// What the model's callers read: proxy statistics (a store's path, computeProxies records, or
// arrays already in memory) with the space they belong to, encoded as a model expects with
// warnings for what was dropped, and the space's benchmark table that supplies the targets.
import { resolveDataRoot } from "../data/paths.js";
import { LEGACY_SPACE } from "../model/config.js";
import { encodeStats, type EncodedStats, type EncodingSettings, type MaskedNodes, type NodeStats } from "../model/features.js";
import type { Predictor } from "../model/predictor.js";
import type { StatsSettings } from "../pipeline/settings.js";
import { loadStats, type StatsData } from "../pipeline/statsData.js";
import type { ProxyRecord } from "../proxies/compute.js";
import { type AnySpace, type BenchmarkTable, getSpace } from "../spaces/index.js";
import { InputError } from "../util/errors.js";
import type { Warn } from "../util/warn.js";

/** A stats store's path, computeProxies' records, or per-proxy node vectors (loadStats' shape). */
export type StatsInput = string | NodeStats | readonly ProxyRecord[];

export interface ReadStats {
  stats: NodeStats;
  /** Names the stats in messages. */
  source: string;
  /** The store's settings, when read from a store (or given as loadStats returned them). */
  settings?: StatsSettings;
  /** The space of the architectures: the store's own, else the caller's. */
  space: AnySpace;
}

/** `space` names the space of records and arrays, which do not say (default: nb201, as before spaces); a store says itself. */
export function readStatsInput(input: StatsInput, warn: Warn, space = LEGACY_SPACE): ReadStats {
  if (typeof input === "string") {
    const stats = loadStats(input, { warn });
    return { stats, source: input, settings: stats.settings, space: getSpace(stats.settings.space) };
  }
  if (Array.isArray(input)) return { stats: nodeStatsOf(input as readonly ProxyRecord[]), source: "the proxy records", space: getSpace(space) };
  const { settings } = input as Partial<StatsData>;
  return { stats: input as NodeStats, source: "the stats", ...(settings ? { settings } : {}), space: getSpace(settings?.space ?? space) };
}

/** Statistics of one space are never fed to a model of another: the encoding and the cells would not mean the same. */
export function requireModelSpace(model: Predictor, read: ReadStats): void {
  const ours = model.net.space;
  if (read.space.name === ours.name) return;
  throw new InputError(
    `${read.source} holds ${read.space.title} statistics (space ${read.space.name}), but the model was trained on ${ours.title} (space ${ours.name}): ` +
      `pass statistics of ${ours.name}, or a model trained on ${read.space.name} statistics (\`parzc train --stats\` on them).`,
  );
}

function nodeStatsOf(records: readonly ProxyRecord[]): NodeStats {
  const proxies = new Set(records.flatMap((record) => Object.keys(record.nodes)));
  return {
    archs: records.map((record) => record.arch),
    nodes: Object.fromEntries([...proxies].map((proxy) => [proxy, records.map((record) => record.nodes[proxy])])),
    flags: records.map((record) => record.flags),
  };
}

/** encodeStats, with a warning for the architectures left out and the values masked. */
export function encodeForModel(stats: NodeStats, encoding: EncodingSettings, source: string, warn: Warn): EncodedStats {
  const encoded = encodeStats(stats, encoding);
  if (encoded.missingNodes > 0) warn(`${encoded.missingNodes} architecture(s) in ${source} lack node vectors of ${encoding.proxies.join(", ")} and are left out.`);
  for (const message of maskedWarnings(encoded, encoding)) warn(message);
  return encoded;
}

/**
 * One line per group of proxies with the same masked architectures: which proxies, how many
 * architectures, why their values became NaN, and what reading them as 0 does to the prediction.
 */
export function maskedWarnings(encoded: EncodedStats, encoding: EncodingSettings): string[] {
  const n = encoded.archs.length;
  const groups = new Map<string, { proxies: string[]; masked: MaskedNodes }>();
  for (const [proxy, masked] of Object.entries(encoded.maskedBy)) {
    const key = JSON.stringify(masked);
    const group = groups.get(key);
    if (group) group.proxies.push(proxy);
    else groups.set(key, { proxies: [proxy], masked });
  }
  // Architectures whose every node feature is 0: the prediction rests on the other inputs alone.
  const allZero = (position: number) => encoding.proxies.every((proxy) => {
    const masked = encoded.maskedBy[proxy];
    return masked !== undefined && (masked.degenerate.includes(position) || masked.constant.includes(position));
  });
  return [...groups.values()].map(({ proxies, masked }) => {
    const { degenerate, constant, nonFinite, values } = masked;
    const causes = [
      degenerate.length > 0 ? `${degenerate.length} of ${n} architectures have no input→output path (flagged degenerate): nothing reaches their weights, so every node value is 0` : "",
      constant.length > 0 ? `${constant.length} of ${n} architectures have all node values equal` : "",
      nonFinite.length > 0 ? `${nonFinite.length} of ${n} architectures have NaN/Inf node values in the stats (the proxy is undefined on those nodes)` : "",
    ].filter(Boolean).join("; ");
    const zeroDivision = degenerate.length + constant.length > 0 ? " and ParZC's per-architecture min–max scaling of a constant vector gives 0/0 = NaN" : "";
    const whole = [...degenerate, ...constant];
    const effect = [
      whole.length > 0 && whole.every(allZero) ? "Their node features are then all 0, so ParZC predicts them from its other inputs alone (the magnitude features and the cell's ops, where the model uses them)." : "",
      whole.length > 0 && !whole.every(allZero) ? "For those architectures the prediction rests on the other proxies' values." : "",
      nonFinite.length > 0 ? "Where some values are NaN/Inf, the prediction rests on the node values that are left." : "",
    ].filter(Boolean).join(" ");
    const each = proxies.length > 1 ? " of each proxy" : "";
    return `${proxies.join(", ")}: ${causes}${zeroDivision}; the ${values} value(s)${each} are read as 0, as ParZC's code does. ${effect}`;
  });
}

/** The space's benchmark table under --data, $PARZC_DATA, the project's data/ or ../shared/data (src/data/paths.ts). */
export function benchmarkTable(space: AnySpace, data: string | undefined): BenchmarkTable {
  return space.benchmark(resolveDataRoot(data));
}

/** The warning for architectures the table has no row for (NB101's tables hold a sample of the space), if any. */
export function warnMissingRows(missingRows: number, space: AnySpace, source: string, warn: Warn): void {
  if (missingRows > 0) warn(`${missingRows} architecture(s) of ${source} are not in the ${space.title} table and are left out.`);
}
