// What `parzc train`, `eval`, `rank` and their kin share beyond src/api/: the check of a --stats
// store named on the command line, the benchmark table, each space's default --target, metric text.
import { benchmarkTable } from "../api/inputs.js";
import { requireStoreFile } from "../pipeline/store.js";
import { type DefaultTargets, getSpace, spaceNames } from "../spaces/index.js";

export { benchmarkTable };

/** Checked before any work: a missing store, a FIFO or a device exits 2 at once instead of blocking. */
export function requireStore(path: string): string {
  return requireStoreFile(path);
}

export function formatMetric(value: number): string {
  return Number.isFinite(value) ? value.toFixed(4) : String(value);
}

/** Each space's default --target for `which`, for help texts: "nb201: c10_test_200, nb101: test_accuracy". */
export function defaultTargets(which: keyof DefaultTargets): string {
  return spaceNames().map((name) => `${name}: ${getSpace(name).targets[which]}`).join(", ");
}
