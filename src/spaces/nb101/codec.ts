// NB101 cells in the three forms users meet, to one pruned, canonical cell:
//   nasbench's ModelSpec JSON   {"matrix": [[0,1,…],…], "ops": ["input", …, "output"]}
//   NASLib's 56-int tuple       (0, 1, …) — the raw 7×7 matrix row-major, then 7 op ids in
//                               [input, output, maxpool3x3, conv1x1-bn-relu, conv3x3-bn-relu]
//                               (the keys of zc_nasbench101_subset.json)
//   parzc's compact string      c3,mp,c1:01,02,13,14,24,34 (interior ops, then edges i→j as "ij")
// Validity is nasbench's api.py: after pruning at most 7 vertices and 9 edges, and a path from
// the input to the output. Every error names the rule broken and the form expected.
import { InputError } from "../../util/errors.js";
import { quoted } from "../../util/quoted.js";
import { INPUT, MAX_EDGES, MAX_VERTICES, NB101_OPS, type Nb101Cell, type Nb101Op, OUTPUT, SHORT_OPS, edgeCount, isNb101Op } from "./ops.js";
import { pruneCell } from "./prune.js";

export const NB101_GRAMMAR =
  'a compact string such as "c3,mp,c1:01,02,13,14,24,34" (ops c3, c1, mp of vertices 1…n−2, then edges i→j as "ij"), ' +
  'a ModelSpec JSON {"matrix": [[…]], "ops": ["input", …, "output"]}, or a NASLib 56-int tuple "(0, 1, …)"';
/** NASLib's op ids (naslib/search_spaces/nasbench101/conversions.py). */
const NASLIB_OPS = [INPUT, OUTPUT, "maxpool3x3", "conv1x1-bn-relu", "conv3x3-bn-relu"] as const;
const NASLIB_SIZE = MAX_VERTICES * MAX_VERTICES + MAX_VERTICES;
const FROM_SHORT = Object.fromEntries(Object.entries(SHORT_OPS).map(([op, short]) => [short, op])) as Record<string, Nb101Op>;


function badCell(text: string, problem: string): InputError {
  return new InputError(`bad NB101 cell ${quoted(text)}: ${problem}. Expected ${NB101_GRAMMAR}.`);
}

/** A raw matrix and full op list (input and output included), checked for shape only. */
function checkedSpec(text: string, matrix: unknown, ops: unknown): { matrix: number[][]; ops: string[] } {
  if (!Array.isArray(matrix) || matrix.length === 0 || !matrix.every((row) => Array.isArray(row) && row.length === matrix.length)) {
    throw badCell(text, "the matrix must be a non-empty square list of rows");
  }
  const n = matrix.length;
  matrix.forEach((row: unknown[], i) =>
    row.forEach((value, j) => {
      if (value !== 0 && value !== 1) throw badCell(text, `matrix[${i}][${j}] is ${JSON.stringify(value)}, expected 0 or 1`);
      if (value === 1 && j <= i) throw badCell(text, `matrix[${i}][${j}] = 1 is on or below the diagonal: the matrix must be upper-triangular (edges i → j with i < j)`);
    }),
  );
  if (!Array.isArray(ops) || ops.length !== n) throw badCell(text, `the ${n}×${n} matrix needs ${n} ops (input, the vertices' ops, output), got ${Array.isArray(ops) ? ops.length : "none"}`);
  if (n < 2) throw badCell(text, "a cell has at least 2 vertices, the input and the output");
  if (ops[0] !== INPUT || ops[n - 1] !== OUTPUT) throw badCell(text, `the first op must be "${INPUT}" and the last "${OUTPUT}"`);
  ops.slice(1, -1).forEach((op, k) => {
    if (typeof op !== "string" || !isNb101Op(op)) throw badCell(text, `unknown op ${JSON.stringify(op)} at vertex ${k + 1}: expected one of ${NB101_OPS.join(", ")}`);
  });
  return { matrix: matrix as number[][], ops: ops as string[] };
}

function fromJson(text: string): { matrix: number[][]; ops: string[] } {
  let value: { matrix?: unknown; ops?: unknown; module_adjacency?: unknown; module_operations?: unknown };
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badCell(text, `it is not JSON (${(error as Error).message})`);
  }
  if (typeof value !== "object" || value === null) throw badCell(text, 'the JSON must be an object with "matrix" and "ops"');
  return checkedSpec(text, value.matrix ?? value.module_adjacency, value.ops ?? value.module_operations);
}

function fromNaslibTuple(text: string): { matrix: number[][]; ops: string[] } {
  const inner = text.trim().slice(1, -1).split(",").map((part) => part.trim());
  if (inner.length !== NASLIB_SIZE || !inner.every((part) => /^\d+$/.test(part))) {
    throw badCell(text, `a NASLib tuple holds ${NASLIB_SIZE} integers (49 matrix entries, 7 op ids), got ${inner.length} item(s)${inner.every((p) => /^\d+$/.test(p)) ? "" : " or a non-integer"}`);
  }
  const values = inner.map(Number);
  const matrix = Array.from({ length: MAX_VERTICES }, (_, i) => values.slice(i * MAX_VERTICES, (i + 1) * MAX_VERTICES));
  const ops = values.slice(MAX_VERTICES * MAX_VERTICES).map((id, v) => {
    if (id >= NASLIB_OPS.length) throw badCell(text, `op id ${id} of vertex ${v} is not one of 0…${NASLIB_OPS.length - 1} (${NASLIB_OPS.join(", ")})`);
    return NASLIB_OPS[id];
  });
  return checkedSpec(text, matrix, ops);
}

/**
 * The inverse of fromNaslibTuple for a pruned cell, written as the keys of zc_nasbench101_subset.json
 * are ("(0, 1, …, 1)", Python's str of a tuple). NASLib's keys are raw 7×7 samples; a cell of fewer
 * vertices is padded with unconnected maxpool vertices before the output, which pruning removes
 * again, so parsing the tuple gives the cell back.
 */
export function formatNaslibTuple(cell: Nb101Cell): string {
  const n = cell.matrix.length;
  const at = (v: number) => (v === n - 1 ? MAX_VERTICES - 1 : v);
  const matrix = Array.from({ length: MAX_VERTICES }, () => new Array<number>(MAX_VERTICES).fill(0));
  cell.matrix.forEach((row, i) => row.forEach((edge, j) => (matrix[at(i)][at(j)] = edge)));
  const interior = [...cell.ops, ...new Array<Nb101Op>(MAX_VERTICES - n).fill("maxpool3x3")];
  const ops = [INPUT, ...interior, OUTPUT].map((op) => NASLIB_OPS.indexOf(op as (typeof NASLIB_OPS)[number]));
  return `(${[...matrix.flat(), ...ops].join(", ")})`;
}

function fromCompact(text: string): { matrix: number[][]; ops: string[] } {
  const parts = text.split(":");
  if (parts.length !== 2) throw badCell(text, 'a compact string has one ":" between the ops and the edges');
  const [opsText, edgesText] = parts;
  const interior = opsText === "" ? [] : opsText.split(",");
  const ops = interior.map((short, k) => {
    const op = FROM_SHORT[short];
    if (!op) throw badCell(text, `unknown op "${short}" at vertex ${k + 1}: expected ${Object.values(SHORT_OPS).join(", ")}`);
    return op;
  });
  const n = ops.length + 2;
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const edge of edgesText === "" ? [] : edgesText.split(",")) {
    if (!/^\d\d$/.test(edge)) throw badCell(text, `edge "${edge}" must be two vertex digits "ij"`);
    const [i, j] = [Number(edge[0]), Number(edge[1])];
    if (j >= n) throw badCell(text, `edge "${edge}" names vertex ${j}, but the cell has vertices 0…${n - 1}`);
    if (i >= j) throw badCell(text, `edge "${edge}" does not go forward (i < j)`);
    matrix[i][j] = 1;
  }
  return { matrix, ops: [INPUT, ...ops, OUTPUT] };
}

/**
 * Parses any of the three forms into the pruned cell, its vertices in their given order: the order
 * decides how channels split (channels.ts), so isomorphic cells are distinct networks; the graph
 * hash (hash.ts) is what tells them for one benchmark architecture.
 */
export function parseCell(text: string): Nb101Cell {
  const trimmed = text.trim();
  if (trimmed === "") throw badCell(text, "the string is empty");
  const spec = trimmed.startsWith("{") ? fromJson(trimmed) : trimmed.startsWith("(") ? fromNaslibTuple(trimmed) : fromCompact(trimmed);
  const pruned = pruneCell({ matrix: spec.matrix, ops: spec.ops.slice(1, -1) as Nb101Op[] });
  if (!pruned) throw badCell(text, "no path leads from the input to the output");
  const vertices = pruned.matrix.length;
  if (vertices > MAX_VERTICES) throw badCell(text, `it has ${vertices} vertices after pruning; NB101 allows at most ${MAX_VERTICES}`);
  const edges = edgeCount(pruned.matrix);
  if (edges > MAX_EDGES) throw badCell(text, `it has ${edges} edges after pruning; NB101 allows at most ${MAX_EDGES}`);
  return pruned;
}

/** `c3,mp,c1:01,02,13,…`: interior ops in vertex order, then each edge i → j as "ij"; `:01` when there are none (no leading "-", which a shell tool would take for an option). */
export function formatCell(cell: Nb101Cell): string {
  const edges: string[] = [];
  cell.matrix.forEach((row, i) => row.forEach((edge, j) => edge && edges.push(`${i}${j}`)));
  const ops = cell.ops.map((op) => SHORT_OPS[op]).join(",");
  return `${ops}:${edges.join(",")}`;
}

/** nasbench's ModelSpec form, as its API and nb101_2500_test_acc.json write cells. */
export function modelSpecOf(cell: Nb101Cell): { matrix: number[][]; ops: string[] } {
  return { matrix: cell.matrix.map((row) => [...row]), ops: [INPUT, ...cell.ops, OUTPUT] };
}
