// The NB201 cell as the architecture encoder sees it (parzc-method.md §2.3): one token per edge,
// its op one-hot over the five NB201 ops, and the cell's line graph: edge e feeds edge f when e
// ends where f starts. Messages flow both ways; an edge whose op is `none` carries nothing, so it
// keeps only its self-loop. The adjacency is normalised as in GCN (Kipf & Welling 2017):
// D^−½ (A + I) D^−½.
import { parseArch } from "../spaces/nb201/codec.js";
import { NB201_EDGES, NB201_OPS } from "../spaces/nb201/ops.js";

export const CELL_TOKENS = NB201_EDGES.length; // 6
export const OP_COUNT = NB201_OPS.length; // 5

export interface CellInput {
  /** [6 × 5] one-hot ops, row per edge. */
  onehot: Float64Array;
  /** [6 × 6] normalised adjacency, row-major. */
  adjacency: Float64Array;
}

const cache = new Map<string, CellInput>();

export function cellInput(archString: string): CellInput {
  let cell = cache.get(archString);
  if (cell) return cell;
  const { ops } = parseArch(archString);
  const onehot = new Float64Array(CELL_TOKENS * OP_COUNT);
  ops.forEach((op, e) => (onehot[e * OP_COUNT + NB201_OPS.indexOf(op)] = 1));
  const live = ops.map((op) => op !== "none");
  const linked = new Float64Array(CELL_TOKENS * CELL_TOKENS);
  for (let e = 0; e < CELL_TOKENS; e++) {
    linked[e * CELL_TOKENS + e] = 1;
    for (let f = 0; f < CELL_TOKENS; f++) {
      if (live[e] && live[f] && NB201_EDGES[e].to === NB201_EDGES[f].from) {
        linked[e * CELL_TOKENS + f] = 1;
        linked[f * CELL_TOKENS + e] = 1;
      }
    }
  }
  const degree = Array.from({ length: CELL_TOKENS }, (_, e) => linked.subarray(e * CELL_TOKENS, (e + 1) * CELL_TOKENS).reduce((a, v) => a + v, 0));
  const adjacency = linked.map((v, k) => v / Math.sqrt(degree[Math.floor(k / CELL_TOKENS)] * degree[k % CELL_TOKENS]));
  cell = { onehot, adjacency };
  if (cache.size > 20000) cache.clear();
  cache.set(archString, cell);
  return cell;
}
