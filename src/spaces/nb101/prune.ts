// ModelSpec pruning (google-research/nasbench lib/model_spec.py `_prune`; archai's copy is the
// same): keep the vertices that lie on some input → output path, in their order. NASLib's keys
// hold raw, unpruned matrices, so a cell is pruned before anything else looks at it.
import type { Nb101Cell } from "./ops.js";

/** Vertices reachable from `start` following edges forward (or backward). */
function reachable(matrix: readonly (readonly number[])[], start: number, forward: boolean): Set<number> {
  const seen = new Set([start]);
  const stack = [start];
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let w = 0; w < matrix.length; w++) {
      const edge = forward ? matrix[v][w] : matrix[w][v];
      if (edge && !seen.has(w)) {
        seen.add(w);
        stack.push(w);
      }
    }
  }
  return seen;
}

/** The pruned cell, or undefined when no path joins the input to the output. */
export function pruneCell(cell: Nb101Cell): Nb101Cell | undefined {
  const n = cell.matrix.length;
  const fromInput = reachable(cell.matrix, 0, true);
  const toOutput = reachable(cell.matrix, n - 1, false);
  if (!fromInput.has(n - 1)) return undefined;
  const kept = [...Array(n).keys()].filter((v) => fromInput.has(v) && toOutput.has(v));
  return {
    matrix: kept.map((i) => kept.map((j) => cell.matrix[i][j])),
    ops: kept.slice(1, -1).map((v) => cell.ops[v - 1]),
  };
}
