// The NB101 cell as the architecture encoder sees it (parzc-method.md §2.3: ParZCBMM reads NB101
// cells as 7 vertex tokens over 5 ops): one token per vertex of the pruned cell, its op one-hot
// over input, output and the three interior ops, and the DAG's edges made symmetric with
// self-loops, GCN-normalised (../cellGraph.ts). A cell of n < 7 vertices is padded between its
// last interior vertex and its output, so the input is always token 0 and the output token 6 and
// their position embeddings mean the same in every cell. A padding token has an all-0 one-hot and
// keeps only its self-loop, as NB201's `none` edges do: no message reaches or leaves it, and its
// degree stays 1 (no 0/0).
import { normalisedAdjacency } from "../cellGraph.js";
import type { CellGraphs } from "../types.js";
import { INPUT, MAX_VERTICES, NB101_OPS, type Nb101Cell, OUTPUT } from "./ops.js";

const TOKEN_OPS = [INPUT, OUTPUT, ...NB101_OPS] as const;
const OPS = TOKEN_OPS.length; // 5

export const nb101CellGraph: CellGraphs<Nb101Cell> = {
  tokens: MAX_VERTICES,
  ops: TOKEN_OPS,
  of({ matrix, ops }) {
    const n = matrix.length;
    // Vertex v's token: the output moves to the last token, the others keep their place.
    const token = (v: number) => (v === n - 1 ? MAX_VERTICES - 1 : v);
    const onehot = new Float64Array(MAX_VERTICES * OPS);
    [INPUT, ...ops, OUTPUT].forEach((op, v) => (onehot[token(v) * OPS + (TOKEN_OPS as readonly string[]).indexOf(op)] = 1));
    const linked = new Float64Array(MAX_VERTICES * MAX_VERTICES);
    for (let t = 0; t < MAX_VERTICES; t++) linked[t * MAX_VERTICES + t] = 1;
    matrix.forEach((row, i) => row.forEach((edge, j) => {
      if (!edge) return;
      linked[token(i) * MAX_VERTICES + token(j)] = 1;
      linked[token(j) * MAX_VERTICES + token(i)] = 1;
    }));
    return { onehot, adjacency: normalisedAdjacency(linked, MAX_VERTICES) };
  },
};
