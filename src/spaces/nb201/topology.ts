// What the cell's wiring does, seen through its non-`none` ("live") edges.
import { INPUT_NODE, NB201_EDGES, NB201_NODE_COUNT, OUTPUT_NODE, type Nb201Arch, isConv } from "./ops.js";

function liveEdges(arch: Nb201Arch) {
  return NB201_EDGES.filter((_, p) => arch.ops[p] !== "none");
}

/** Nodes reachable from the input along live edges (edges are listed in topological order). */
function reachedFromInput(arch: Nb201Arch): boolean[] {
  const reached = Array.from({ length: NB201_NODE_COUNT }, (_, node) => node === INPUT_NODE);
  for (const edge of liveEdges(arch)) if (reached[edge.from]) reached[edge.to] = true;
  return reached;
}

/** Nodes from which the output is reachable along live edges. */
function reachingOutput(arch: Nb201Arch): boolean[] {
  const reaching = Array.from({ length: NB201_NODE_COUNT }, (_, node) => node === OUTPUT_NODE);
  for (const edge of liveEdges(arch).reverse()) if (reaching[edge.to]) reaching[edge.from] = true;
  return reaching;
}

/**
 * No live path from node 0 to node 3 (0→3, 0→1→3, 0→2→3, 0→1→2→3): every cell outputs zero.
 * 341 of the 15,625 architectures.
 */
export function isDegenerate(arch: Nb201Arch): boolean {
  return !reachedFromInput(arch)[OUTPUT_NODE];
}

/**
 * Every live op lies on an input→output path of live edges, so no op is dead weight. This is the
 * rule behind NAS-Bench-Suite-Zero's 9,445 NB201 nets (see shared/data/README.md).
 */
export function isValid(arch: Nb201Arch): boolean {
  const fromInput = reachedFromInput(arch);
  const toOutput = reachingOutput(arch);
  return liveEdges(arch).every((edge) => fromInput[edge.from] && toOutput[edge.to]);
}

/** Edges that hold a conv (1×1 or 3×3). */
export function convEdgeCount(arch: Nb201Arch): number {
  return arch.ops.filter(isConv).length;
}
