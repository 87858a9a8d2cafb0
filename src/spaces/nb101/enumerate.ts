// Every NB101 cell once, in the order nasbench's generator meets them (google-research/nasbench
// scripts/generate_graphs.py): for 2…7 vertices, every upper-triangular bit pattern whose graph
// has no dangling vertex and at most 9 edges, then every labelling of its interior vertices; a
// cell whose hash was seen before is an isomorphic copy and is skipped. 423,624 cells in all.
import { nb101Hash } from "./hash.js";
import { MAX_EDGES, MAX_VERTICES, NB101_OPS, type Nb101Cell, edgeCount } from "./ops.js";

/** The generator's bit layout: edge x → y (x < y) is bit x + y(y − 1)/2. */
function matrixOf(bits: number, n: number): number[][] {
  return Array.from({ length: n }, (_, x) => Array.from({ length: n }, (_, y) => (y > x && (bits >> (x + (y * (y - 1)) / 2)) & 1 ? 1 : 0)));
}

/** Every vertex but the output has an out-edge, and every vertex but the input an in-edge. */
function isFullDag(matrix: number[][]): boolean {
  const n = matrix.length;
  for (let v = 0; v < n - 1; v++) if (!matrix[v].some(Boolean)) return false;
  for (let v = 1; v < n; v++) if (!matrix.some((row) => row[v])) return false;
  return true;
}

/** The labellings of `count` interior vertices in itertools.product order. */
function* labellings(count: number): Generator<number[]> {
  const labels = new Array<number>(count).fill(0);
  for (;;) {
    yield [...labels];
    let k = count - 1;
    while (k >= 0 && labels[k] === NB101_OPS.length - 1) labels[k--] = 0;
    if (k < 0) return;
    labels[k]++;
  }
}

/** The unique cells with at most `maxVertices` vertices (7: the whole space). */
export function* enumerateCells(maxVertices = MAX_VERTICES): Generator<Nb101Cell> {
  const seen = new Set<string>();
  for (let n = 2; n <= maxVertices; n++) {
    for (let bits = 0; bits < 2 ** ((n * (n - 1)) / 2); bits++) {
      const matrix = matrixOf(bits, n);
      if (!isFullDag(matrix) || edgeCount(matrix) > MAX_EDGES) continue;
      for (const labels of labellings(n - 2)) {
        const cell = { matrix, ops: labels.map((label) => NB101_OPS[label]) };
        const hash = nb101Hash(cell);
        if (seen.has(hash)) continue;
        seen.add(hash);
        yield cell;
      }
    }
  }
}
