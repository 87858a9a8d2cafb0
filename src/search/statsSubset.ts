// The part of a loaded store that a run asked for: a store may hold more architectures than the
// demo's sample or a search's pool (a shared cache file, or a store from a larger run).
import type { StatsData } from "../pipeline/statsData.js";

/** `data` restricted to `archs` (kept in the store's index order), and the archs it lacks. */
export function selectStats(data: StatsData, archs: readonly string[]): { selected: StatsData; missing: string[] } {
  const wanted = new Set(archs);
  const keep = data.archs.flatMap((arch, i) => (wanted.has(arch) ? [i] : []));
  const present = new Set(keep.map((i) => data.archs[i]));
  const selected: StatsData = {
    settings: data.settings,
    archs: keep.map((i) => data.archs[i]),
    indices: Int32Array.from(keep, (i) => data.indices[i]),
    flags: keep.map((i) => data.flags[i]),
    scores: Object.fromEntries(Object.entries(data.scores).map(([proxy, values]) => [proxy, Float64Array.from(keep, (i) => values[i])])),
    nodes: Object.fromEntries(Object.entries(data.nodes).map(([proxy, vectors]) => [proxy, keep.map((i) => vectors[i])])),
  };
  return { selected, missing: archs.filter((arch) => !present.has(arch)) };
}
