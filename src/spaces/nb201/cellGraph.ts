// The NB201 cell as the architecture encoder sees it (parzc-method.md §2.3): one token per edge,
// its op one-hot over the five NB201 ops, and the cell's line graph: edge e feeds edge f when e
// ends where f starts. Messages flow both ways; an edge whose op is `none` carries nothing, so it
// keeps only its self-loop.
import { normalisedAdjacency } from "../cellGraph.js";
import type { CellGraphs } from "../types.js";
import { NB201_EDGES, NB201_OPS, type Nb201Arch } from "./ops.js";

const TOKENS = NB201_EDGES.length; // 6
const OPS = NB201_OPS.length; // 5

export const nb201CellGraph: CellGraphs<Nb201Arch> = {
  tokens: TOKENS,
  ops: NB201_OPS,
  of({ ops }) {
    const onehot = new Float64Array(TOKENS * OPS);
    ops.forEach((op, e) => (onehot[e * OPS + NB201_OPS.indexOf(op)] = 1));
    const live = ops.map((op) => op !== "none");
    const linked = new Float64Array(TOKENS * TOKENS);
    for (let e = 0; e < TOKENS; e++) {
      linked[e * TOKENS + e] = 1;
      for (let f = 0; f < TOKENS; f++) {
        if (live[e] && live[f] && NB201_EDGES[e].to === NB201_EDGES[f].from) {
          linked[e * TOKENS + f] = 1;
          linked[f * TOKENS + e] = 1;
        }
      }
    }
    return { onehot, adjacency: normalisedAdjacency(linked, TOKENS) };
  },
};
