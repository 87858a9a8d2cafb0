// What `parzc train`, `eval` and `rank` share: option parsers, and reading a stats store into the
// model's encoded features (src/model/statsDataset.ts) with its warnings on stderr.
import { InvalidArgumentError } from "commander";
import { resolveDataRoot } from "../data/paths.js";
import type { EncodingSettings } from "../model/predictor.js";
import { encodeStats, type EncodedStats } from "../model/statsDataset.js";
import { loadStats } from "../pipeline/statsData.js";
import type { StatsSettings } from "../pipeline/settings.js";
import { nb201 } from "../spaces/nb201/index.js";
import type { Nb201Table } from "../spaces/nb201/table.js";
import { nb201TableFile } from "../spaces/nb201/table.js";

export function integerAtLeast(minimum: number): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (text.trim() === "" || !Number.isInteger(value) || value < minimum) throw new InvalidArgumentError(`expected an integer >= ${minimum}.`);
    return value;
  };
}

export function positiveNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0) throw new InvalidArgumentError("expected a positive number.");
  return value;
}

export function nonNegativeNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0) throw new InvalidArgumentError("expected a number >= 0.");
  return value;
}

export function warn(message: string): void {
  process.stderr.write(`parzc: warning: ${message}\n`);
}

export interface StoreFeatures extends EncodedStats {
  settings: StatsSettings;
}

/** The store's architectures encoded as the model expects, with warnings for what was left out or masked. */
export function storeFeatures(path: string, encoding: EncodingSettings): StoreFeatures {
  const stats = loadStats(path, { warn });
  const encoded = encodeStats(stats, encoding);
  if (encoded.missingNodes > 0) warn(`${encoded.missingNodes} architecture(s) in ${path} lack node vectors of ${encoding.proxies.join(", ")} and are left out.`);
  if (encoded.masked > 0) warn(`${encoded.masked} NaN/Inf feature value(s) were read as 0.`);
  return { ...encoded, settings: stats.settings };
}

export function benchmarkTable(data: string | undefined): Nb201Table {
  return nb201.table(nb201TableFile(resolveDataRoot(data)));
}

export function formatMetric(value: number): string {
  return Number.isFinite(value) ? value.toFixed(4) : String(value);
}
