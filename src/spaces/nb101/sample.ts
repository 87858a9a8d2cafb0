// Seeded sampling as NASLib's NB101 sampler draws cells (naslib/search_spaces/nasbench101/graph.py):
// each upper-triangular entry of a 7×7 matrix a fair coin, each interior op uniform, a draw kept
// when nasbench's API accepts it (after pruning: a path, ≤ 9 edges). The sampled cells are
// distinct architectures: an isomorphic copy (same graph hash) of an earlier draw is drawn again.
// This is not uniform over the 423,624 classes (small cells come up more often), as NASLib's is not.
import { InputError } from "../../util/errors.js";
import type { Random } from "../../util/random.js";
import { formatCell, parseCell } from "./codec.js";
import { nb101Hash } from "./hash.js";
import { MAX_VERTICES, NB101_OPS, type Nb101Cell } from "./ops.js";

/** The NB101 cells there are (nasbench's generator, enumerate.ts). */
export const NB101_SPACE_SIZE = 423_624;
/** Rejection sampling slows as the rare cells remain; beyond this, enumerate (--archs all). */
export const NB101_SAMPLE_LIMIT = 100_000;

function draw(random: Random): Nb101Cell | undefined {
  const n = MAX_VERTICES;
  const matrix = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j > i ? random.int(2) : 0)));
  const ops = Array.from({ length: n - 2 }, () => NB101_OPS[random.int(NB101_OPS.length)]);
  try {
    return parseCell(JSON.stringify({ matrix, ops: ["input", ...ops, "output"] }));
  } catch (error) {
    if (error instanceof InputError) return undefined; // no path, or more than 9 edges after pruning
    throw error;
  }
}

export function sampleCells(count: number, random: Random): string[] {
  if (!Number.isInteger(count) || count < 0 || count > NB101_SAMPLE_LIMIT) {
    throw new InputError(`cannot sample ${count} NB101 cells: expected an integer in 0..${NB101_SAMPLE_LIMIT} (for the whole space use --archs all).`);
  }
  const seen = new Set<string>();
  const cells: string[] = [];
  while (cells.length < count) {
    const cell = draw(random);
    if (!cell) continue;
    const hash = nb101Hash(cell);
    if (seen.has(hash)) continue;
    seen.add(hash);
    cells.push(formatCell(cell));
  }
  return cells;
}
