// The representations of one NB201 cell and where each conversion lives:
// - arch string `|op~0|+|op~0|op~1|+|op~0|op~1|op~2|` ⇄ op list: parseArch / formatArch (codec.ts)
// - op list (`Nb201Arch.ops`: op names in arch-string edge order; AutoDL op order is NB201_OPS)
// - NASLib / NAS-Bench-Suite-Zero op-index tuple, e.g. "(0, 2, 3, 2, 3, 1)": edges
//   (0→1),(0→2),(0→3),(1→2),(1→3),(2→3) with ops 0 skip_connect, 1 none, 2 nor_conv_3x3,
//   3 nor_conv_1x1, 4 avg_pool_3x3 ⇄ op list: below
// - enumeration code 0..15624 ⇄ op list: archFromCode / codeOfArch (enumerate.ts)
// - official NB201 benchmark index 0..15624 ⇄ arch string: the benchmark table (table.ts)
import { InputError } from "../../util/errors.js";
import { quoted } from "../../util/quoted.js";
import { NB201_EDGES, type Edge, type Nb201Arch, type Nb201Op } from "./ops.js";

export { formatArch, parseArch } from "./codec.js";
export { archFromCode, codeOfArch } from "./enumerate.js";

const NASLIB_OPS: readonly Nb201Op[] = ["skip_connect", "none", "nor_conv_3x3", "nor_conv_1x1", "avg_pool_3x3"];
const NASLIB_EDGES: readonly Edge[] = [...NB201_EDGES].sort((a, b) => a.from - b.from || a.to - b.to);

/** For each arch-string edge p, its position in the NASLib tuple. */
const TUPLE_POSITION = NB201_EDGES.map((edge) => NASLIB_EDGES.findIndex((e) => e.from === edge.from && e.to === edge.to));

export function archFromNaslibTuple(tuple: readonly number[]): Nb201Arch {
  const valid = tuple.length === NB201_EDGES.length && tuple.every((id) => Number.isInteger(id) && id >= 0 && id < NASLIB_OPS.length);
  if (!valid) {
    throw new InputError(
      `bad NASLib op-index tuple (${tuple.join(", ")}): expected ${NB201_EDGES.length} integers in 0..${NASLIB_OPS.length - 1} ` +
        `(${NASLIB_OPS.map((op, id) => `${id} ${op}`).join(", ")}).`,
    );
  }
  return { ops: TUPLE_POSITION.map((position) => NASLIB_OPS[tuple[position]]) };
}

export function naslibTupleOf(arch: Nb201Arch): number[] {
  const tuple: number[] = new Array(NB201_EDGES.length);
  TUPLE_POSITION.forEach((position, p) => (tuple[position] = NASLIB_OPS.indexOf(arch.ops[p])));
  return tuple;
}

/** "(0, 2, 3, 2, 3, 1)", as the NASLib JSON keys and the GRAF CSV `net` column write it. */
export function parseNaslibTuple(text: string): number[] {
  const match = /^\(([^()]*)\)$/.exec(text.trim());
  if (!match) throw new InputError(`bad NASLib tuple ${quoted(text)}: expected six integers in parentheses, e.g. (0, 2, 3, 2, 3, 1).`);
  return match[1].split(",").map((part) => (part.trim() === "" ? Number.NaN : Number(part)));
}

export function formatNaslibTuple(tuple: readonly number[]): string {
  return `(${tuple.join(", ")})`;
}
