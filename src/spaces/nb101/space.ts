// NAS-Bench-101 behind the SearchSpace interface (nb101-and-darts.md §A). The canonical string is
// the pruned cell in its given vertex order (codec.ts); isomorphic cells are one benchmark
// architecture (one table row, one hash) but distinct strings, because vertex order decides how
// the channels split.
import type { SearchSpace } from "../types.js";
import { nb101CellGraph } from "./cellGraph.js";
import { NB101_GRAMMAR, formatCell, parseCell } from "./codec.js";
import { nb101Cost } from "./cost.js";
import { enumerateCells } from "./enumerate.js";
import { nb101Network } from "./network.js";
import { type Nb101Cell, edgeCount, vertexCount } from "./ops.js";
import { nb101Hash } from "./hash.js";
import { NB101_SPACE_SIZE, sampleCells } from "./sample.js";
import { nb101PublishedScores, nb101SuiteZero } from "./suiteZero.js";
import { loadNb101Table } from "./table.js";

/** Stem and classifier, then 9 cells. */
const FIXED_NODES = 2;
const CELLS = 9;

/** Conv nodes of one cell: its conv ops, and a projection for each vertex the input feeds (the output's included). */
function cellNodes(cell: Nb101Cell): number {
  const convs = cell.ops.filter((op) => op !== "maxpool3x3").length;
  const projections = cell.matrix[0].reduce((sum, edge) => sum + edge, 0);
  return convs + projections;
}

/** A chain of five 3×3 convs whose first three vertices and the output also read the input: 9 nodes a cell, every conv at full width. */
const LARGEST = "c3,c3,c3,c3,c3:01,02,03,06,12,23,34,45,56";

export const nb101: SearchSpace<Nb101Cell> = {
  name: "nb101",
  title: "NAS-Bench-101",
  grammar: NB101_GRAMMAR,
  examples: ["c3,mp,c1:01,02,13,14,24,34", ":01"],
  parse: parseCell,
  format: formatCell,
  size: NB101_SPACE_SIZE,
  enumerate: () => Array.from(enumerateCells(), formatCell),
  sample: sampleCells,
  largest: LARGEST,
  // parse refuses a cell without an input→output path, and every path carries the input's gradient.
  isDegenerate: () => false,
  facts: (cell) => ({ hash: nb101Hash(cell), vertices: vertexCount(cell), edges: edgeCount(cell.matrix) }),
  datasets: ["cifar10"],
  build: (cell) => nb101Network(cell),
  nodeCount: (cell) => FIXED_NODES + CELLS * cellNodes(cell),
  maxNodes: FIXED_NODES + CELLS * 9,
  cost: (cell) => {
    const { params, flops } = nb101Cost(cell);
    return { params: Math.round(params * 1e6), flops };
  },
  // NASLib counted NB101's FLOPs with tensorwatch, the rule cost.ts follows.
  suiteZeroFlops: (cell) => nb101Cost(cell).flops,
  suiteZero: nb101SuiteZero,
  publishedScores: nb101PublishedScores,
  benchmark: loadNb101Table,
  benchmarkFiles: ["nb101/nb101_2500_test_acc.json", "naslib_zc/zc_nasbench101_subset.json", "nb101/nb101_records_52.json"],
  // Drawn from the 2,500 cells with test accuracy; trained on 100 as ParZC's protocol. The baselines are
  // those that cost (almost) nothing beside ParZC's three, about 6 s of CPU a cell at batch 16; jacov and
  // epe_nas add ~45 %, zen ~35 %, plain ~30 %, fisher ~20 %; grasp does not fit the largest cells.
  // 160 cells: about 8.5 minutes on 2 idle cores (bench/RESULTS.md).
  demo: { sample: 160, trainSize: 100, batch: 16, drawFrom: "labelled", baselines: ["l2_norm", "nwot", "params", "flops"] },
  // ParZC's code trains on validation accuracy, but the 2,500 labelled cells have only test accuracy: both use it.
  targets: { train: "test_accuracy", evaluate: "test_accuracy" },
  cellGraph: nb101CellGraph,
};
