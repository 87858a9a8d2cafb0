// What `parzc train`, `eval` and `rank` share: reading a stats store into the
// model's encoded features (src/model/statsDataset.ts) with its warnings on stderr.
import { resolveDataRoot } from "../data/paths.js";
import type { EncodingSettings } from "../model/predictor.js";
import { encodeStats, type EncodedStats } from "../model/statsDataset.js";
import { loadStats } from "../pipeline/statsData.js";
import type { StatsSettings } from "../pipeline/settings.js";
import { nb201 } from "../spaces/nb201/index.js";
import type { Nb201Table } from "../spaces/nb201/table.js";
import { nb201TableFile } from "../spaces/nb201/table.js";
import { warnOnStderr } from "../util/warn.js";

export interface StoreFeatures extends EncodedStats {
  settings: StatsSettings;
}

/** The store's architectures encoded as the model expects, with warnings for what was left out or masked. */
export function storeFeatures(path: string, encoding: EncodingSettings): StoreFeatures {
  const stats = loadStats(path, { warn: warnOnStderr });
  const encoded = encodeStats(stats, encoding);
  if (encoded.missingNodes > 0) warnOnStderr(`${encoded.missingNodes} architecture(s) in ${path} lack node vectors of ${encoding.proxies.join(", ")} and are left out.`);
  if (encoded.masked > 0) warnOnStderr(`${encoded.masked} NaN/Inf feature value(s) were read as 0.`);
  return { ...encoded, settings: stats.settings };
}

export function benchmarkTable(data: string | undefined): Nb201Table {
  return nb201.table(nb201TableFile(resolveDataRoot(data)));
}

export function formatMetric(value: number): string {
  return Number.isFinite(value) ? value.toFixed(4) : String(value);
}
