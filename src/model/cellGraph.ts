// A cell's graph for the architecture encoder, from its space (SearchSpace.cellGraph), kept per
// arch string: training reads every architecture's cell once an epoch.
import type { AnySpace, CellGraph } from "../spaces/index.js";

const cache = new Map<string, CellGraph>();
const CACHE_LIMIT = 20000;

export function cellGraphOf(space: AnySpace, arch: string): CellGraph {
  const key = `${space.name} ${arch}`;
  let cell = cache.get(key);
  if (cell) return cell;
  cell = space.cellGraph.of(space.parse(arch));
  if (cache.size > CACHE_LIMIT) cache.clear();
  cache.set(key, cell);
  return cell;
}
