// NAS-Bench-201: the space object, plus its types and constants for direct use.
export { nb201 } from "./space.js";
export type { Nb201Arch, Nb201Op, Edge } from "./ops.js";
export type { Nb201Dataset } from "./datasets.js";
export type { Nb201Table } from "./table.js";
export { NB201_EDGES, NB201_OPS } from "./ops.js";
export { NB201_GRAMMAR } from "./codec.js";
export { NB201_DATASET_NAMES } from "./datasets.js";
