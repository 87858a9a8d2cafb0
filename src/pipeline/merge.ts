// `parzc stats merge`: shard stores (or any stores of one setting) into one. Settings must
// agree; an architecture held by several stores is kept once; a failure is kept only where no
// store has the architecture's record.
import { InputError } from "../util/errors.js";
import { defaultStorePath } from "./cachePath.js";
import { settingDifference } from "./settings.js";
import { StatsStore, type Warn, warnOnStderr } from "./store.js";

export interface MergeSummary {
  store: string;
  added: number;
  /** Records already in the output or in an earlier source. */
  duplicates: number;
  failed: number;
}

/** `out` defaults to the unsharded store that `parzc stats` would use for these settings. */
export function mergeStores(sources: readonly string[], out: string | undefined, warn: Warn = warnOnStderr): MergeSummary {
  if (sources.length === 0) throw new InputError("no stores to merge: pass one or more stores, e.g. parzc stats merge a.store b.store --out all.store.");
  const stores = sources.map((path) => StatsStore.read(path, warn));
  const [first] = stores;
  for (const other of stores.slice(1)) {
    const difference = settingDifference(first.settings, other.settings);
    if (difference) {
      const { flag, ours, theirs } = difference;
      throw new InputError(
        `${other.path} holds ${flag} ${theirs} but ${first.path} holds ${flag} ${ours}: only stores of one setting merge. ` +
          `Merge each setting into its own --out.`,
      );
    }
  }
  const target = StatsStore.write(out ?? defaultStorePath(first.settings), first.settings, warn);
  const summary: MergeSummary = { store: target.path, added: 0, duplicates: 0, failed: 0 };
  try {
    for (const store of stores) {
      for (const record of store.records()) {
        if (target.append(record)) summary.added++;
        else summary.duplicates++;
      }
    }
    for (const failure of stores.flatMap((store) => store.failed())) {
      if (target.append(failure)) summary.failed++;
    }
  } finally {
    target.close();
  }
  return summary;
}
