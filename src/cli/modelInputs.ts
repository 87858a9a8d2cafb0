// What `parzc train`, `eval`, `rank` and their kin share beyond src/api/: the check of a --stats
// store named on the command line, a store read into a model's encoded features with its
// warnings on stderr, the benchmark table, metric text.
import { benchmarkTable, encodeForModel } from "../api/inputs.js";
import type { EncodingSettings } from "../model/predictor.js";
import type { EncodedStats } from "../model/statsDataset.js";
import { loadStats } from "../pipeline/statsData.js";
import type { StatsSettings } from "../pipeline/settings.js";
import { requireStoreFile } from "../pipeline/store.js";
import { warnOnStderr } from "../util/warn.js";

export { benchmarkTable };

export interface StoreFeatures extends EncodedStats {
  settings: StatsSettings;
}

/** Checked before any work: a missing store, a FIFO or a device exits 2 at once instead of blocking. */
export function requireStore(path: string): string {
  return requireStoreFile(path);
}

/** The store's architectures encoded as the model expects, with warnings for what was left out or masked. */
export function storeFeatures(path: string, encoding: EncodingSettings): StoreFeatures {
  const stats = loadStats(path, { warn: warnOnStderr });
  return { ...encodeForModel(stats, encoding, path, warnOnStderr), settings: stats.settings };
}

export function formatMetric(value: number): string {
  return Number.isFinite(value) ? value.toFixed(4) : String(value);
}
