// NAS-Bench-101's vocabulary and limits (Ying et al., ICML 2019; google-research/nasbench
// `lib/config.py`, `api.py`): a cell is a DAG of at most 7 vertices and 9 edges; vertex 0 is the
// input, the last the output, and each vertex between holds one of three ops.
export const NB101_OPS = ["conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3"] as const;
export type Nb101Op = (typeof NB101_OPS)[number];
export const INPUT = "input";
export const OUTPUT = "output";

/** The compact names of the canonical string, in NB101_OPS order. */
export const SHORT_OPS: Record<Nb101Op, string> = { "conv3x3-bn-relu": "c3", "conv1x1-bn-relu": "c1", maxpool3x3: "mp" };

export const MAX_VERTICES = 7;
export const MAX_EDGES = 9;

/** A cell: an upper-triangular 0/1 adjacency matrix and the ops of its interior vertices. */
export interface Nb101Cell {
  /** matrix[i][j] = 1 for an edge i → j (i < j). */
  matrix: number[][];
  /** ops[k] is the op of vertex k + 1 (vertices 0 and n − 1 are the input and the output). */
  ops: Nb101Op[];
}

export function isNb101Op(name: string): name is Nb101Op {
  return (NB101_OPS as readonly string[]).includes(name);
}

export function vertexCount(cell: Nb101Cell): number {
  return cell.matrix.length;
}

export function edgeCount(matrix: readonly (readonly number[])[]): number {
  return matrix.reduce((sum, row) => sum + row.reduce((s, v) => s + v, 0), 0);
}
