// The whole space as a list. Enumeration code = the six op indices (AutoDL op order) read as a
// base-5 number, edge (0→1) most significant: code 0 is all `none`, code 15,624 all
// `avg_pool_3x3`, and code order is the lexicographic order of the op-index lists.
// This is our own order, not the NB201 benchmark index (that one comes from the table).
import { InputError } from "../../util/errors.js";
import type { Random } from "../../util/random.js";
import { NB201_EDGES, NB201_OPS, type Nb201Arch, type Nb201Op } from "./ops.js";

export const NB201_SPACE_SIZE = NB201_OPS.length ** NB201_EDGES.length; // 15,625

export function archFromCode(code: number): Nb201Arch {
  if (!Number.isInteger(code) || code < 0 || code >= NB201_SPACE_SIZE) {
    throw new InputError(`NB201 enumeration code ${code} is out of range: expected an integer in 0..${NB201_SPACE_SIZE - 1}.`);
  }
  const ops: Nb201Op[] = new Array(NB201_EDGES.length);
  for (let p = NB201_EDGES.length - 1; p >= 0; p--) {
    ops[p] = NB201_OPS[code % NB201_OPS.length];
    code = Math.floor(code / NB201_OPS.length);
  }
  return { ops };
}

export function codeOfArch(arch: Nb201Arch): number {
  return arch.ops.reduce((code, op) => code * NB201_OPS.length + NB201_OPS.indexOf(op), 0);
}

/** All 15,625 architectures in code order. */
export function enumerateArchs(): Nb201Arch[] {
  return Array.from({ length: NB201_SPACE_SIZE }, (_, code) => archFromCode(code));
}

/** `count` distinct architectures drawn uniformly without replacement. */
export function sampleArchs(count: number, random: Random): Nb201Arch[] {
  if (!Number.isInteger(count) || count < 0 || count > NB201_SPACE_SIZE) {
    throw new InputError(`cannot sample ${count} NB201 architectures: expected an integer in 0..${NB201_SPACE_SIZE}.`);
  }
  const codes = Array.from({ length: NB201_SPACE_SIZE }, (_, code) => code);
  return random.shuffle(codes).slice(0, count).map(archFromCode);
}
