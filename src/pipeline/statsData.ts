// A store in memory, as arrays for the commands that use the statistics (model training,
// ranking, correlations): one entry per architecture, in NB201 index order.
import type { StatsSettings } from "./settings.js";
import { StatsStore, type Warn } from "./store.js";

export interface StatsData {
  settings: StatsSettings;
  archs: string[];
  /** NB201 benchmark indices. */
  indices: Int32Array;
  flags: string[][];
  /** Per proxy, one score per architecture (NaN where the proxy is undefined). */
  scores: Record<string, Float64Array>;
  /** Per per-node proxy, one vector per architecture (module order, NaN for non-finite values). */
  nodes: Record<string, Float64Array[]>;
}

/** `nodes: false` leaves the node vectors out (scores alone take little memory). */
export function loadStats(path: string, { nodes: withNodes = true, warn }: { nodes?: boolean; warn?: Warn } = {}): StatsData {
  const store = StatsStore.read(path, warn);
  const { proxies } = store.settings;
  const data: StatsData = {
    settings: store.settings,
    archs: [],
    indices: new Int32Array(store.count),
    flags: [],
    scores: Object.fromEntries(proxies.map((name) => [name, new Float64Array(store.count)])),
    nodes: {},
  };
  let i = 0;
  for (const record of store.records()) {
    data.archs.push(record.arch);
    data.indices[i] = record.index;
    data.flags.push(record.flags);
    for (const name of proxies) data.scores[name][i] = record.scores[name] ?? NaN;
    if (withNodes) {
      for (const [name, values] of Object.entries(record.nodes)) {
        (data.nodes[name] ??= [])[i] = Float64Array.from(values, (value) => value ?? NaN);
      }
    }
    i++;
  }
  return data;
}
