// NAS-Bench-201 as one search-space object, plus its types and constants for direct use.
import { formatArch, parseArch } from "./codec.js";
import { archFromNaslibTuple, naslibTupleOf } from "./conversions.js";
import { flops, flopsNbsz, nodeCount, paramCount } from "./cost.js";
import { NB201_DATASET_NAMES } from "./datasets.js";
import { NB201_SPACE_SIZE, archFromCode, codeOfArch, enumerateArchs, sampleArchs } from "./enumerate.js";
import { LARGEST_ARCH, NB201_OPS } from "./ops.js";
import { loadNb201Table } from "./table.js";
import { convEdgeCount, isDegenerate, isValid } from "./topology.js";

export const nb201 = {
  name: "nb201",
  size: NB201_SPACE_SIZE,
  ops: NB201_OPS,
  datasets: NB201_DATASET_NAMES,
  largest: LARGEST_ARCH,
  parse: parseArch,
  format: formatArch,
  fromCode: archFromCode,
  codeOf: codeOfArch,
  fromNaslib: archFromNaslibTuple,
  toNaslib: naslibTupleOf,
  enumerate: enumerateArchs,
  sample: sampleArchs,
  isDegenerate,
  isValid,
  convEdgeCount,
  params: paramCount,
  flops,
  flopsNbsz,
  nodeCount,
  table: loadNb201Table,
} as const;

export type { Nb201Arch, Nb201Op, Edge } from "./ops.js";
export type { Nb201Dataset, Nb201DatasetShape } from "./datasets.js";
export type { Nb201Table } from "./table.js";
export { NB201_EDGES, NB201_OPS } from "./ops.js";
export { NB201_GRAMMAR } from "./codec.js";
export { NB201_DATASETS, NB201_DATASET_NAMES } from "./datasets.js";
