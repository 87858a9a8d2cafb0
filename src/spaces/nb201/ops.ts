// The NB201 cell vocabulary, defined once: its five ops, its six edges and the architecture type.
// Op order is AutoDL's `NAS_BENCH_201` list; edge order is the order of the arch string.

export const NB201_OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"] as const;
export type Nb201Op = (typeof NB201_OPS)[number];

/** Nodes 0 (cell input), 1, 2 (intermediate) and 3 (cell output). */
export const NB201_NODE_COUNT = 4;
export const INPUT_NODE = 0;
export const OUTPUT_NODE = NB201_NODE_COUNT - 1;

export interface Edge {
  readonly from: number;
  readonly to: number;
}

/** The six edges in arch-string order: (0→1), (0→2), (1→2), (0→3), (1→3), (2→3). */
export const NB201_EDGES: readonly Edge[] = [
  { from: 0, to: 1 },
  { from: 0, to: 2 },
  { from: 1, to: 2 },
  { from: 0, to: 3 },
  { from: 1, to: 3 },
  { from: 2, to: 3 },
];

/** One cell genotype: `ops[p]` is the op on edge `NB201_EDGES[p]`. */
export interface Nb201Arch {
  readonly ops: readonly Nb201Op[];
}

export function isOpName(name: string): name is Nb201Op {
  return (NB201_OPS as readonly string[]).includes(name);
}

/** The ops that hold a Conv2d (ReLU → Conv → BN) and so count as nodes and parameters. */
export function isConv(op: Nb201Op): boolean {
  return op === "nor_conv_1x1" || op === "nor_conv_3x3";
}

/** Side of the op's window: the conv kernel or the pool window; 0 for skip and none. */
export function kernelSize(op: Nb201Op): number {
  if (op === "nor_conv_1x1") return 1;
  if (op === "nor_conv_3x3" || op === "avg_pool_3x3") return 3;
  return 0;
}

/** Every edge a 3×3 conv: the space's largest network (most parameters, FLOPs, activations and nodes). */
export const LARGEST_ARCH: Nb201Arch = { ops: NB201_EDGES.map(() => "nor_conv_3x3") };
