// NAS-Bench-201 behind the SearchSpace interface, plus the NB201-only forms (enumeration codes,
// NASLib tuples, the benchmark table) that its conversions and exports use.
import type { SearchSpace } from "../types.js";
import { nb201CellGraph } from "./cellGraph.js";
import { NB201_GRAMMAR, formatArch, parseArch } from "./codec.js";
import { archFromNaslibTuple, naslibTupleOf } from "./conversions.js";
import { flops, flopsNbsz, nodeCount, paramCount } from "./cost.js";
import { NB201_DATASET_NAMES, type Nb201Dataset } from "./datasets.js";
import { NB201_SPACE_SIZE, archFromCode, codeOfArch, enumerateArchs, sampleArchs } from "./enumerate.js";
import { nb201Network } from "./network.js";
import { LARGEST_ARCH, NB201_OPS, type Nb201Arch } from "./ops.js";
import { nb201PublishedScores, nb201SuiteZero } from "./suiteZero.js";
import { loadNb201Table, nb201TableFile } from "./table.js";
import { convEdgeCount, isDegenerate, isValid } from "./topology.js";

const space: SearchSpace<Nb201Arch> = {
  name: "nb201",
  title: "NAS-Bench-201",
  grammar: `${NB201_GRAMMAR} with each op one of ${NB201_OPS.join(", ")}`,
  examples: ["|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|"],
  parse: parseArch,
  format: formatArch,
  size: NB201_SPACE_SIZE,
  enumerate: () => enumerateArchs().map(formatArch),
  sample: (count, random) => sampleArchs(count, random).map(formatArch),
  largest: formatArch(LARGEST_ARCH),
  isDegenerate,
  facts: (arch) => ({ valid: isValid(arch) }),
  datasets: NB201_DATASET_NAMES,
  build: (arch, dataset) => nb201Network(arch, dataset as Nb201Dataset),
  nodeCount,
  maxNodes: nodeCount(LARGEST_ARCH),
  cost: (arch, dataset) => ({ params: paramCount(arch, dataset as Nb201Dataset), flops: flops(arch, dataset as Nb201Dataset) }),
  suiteZeroFlops: (arch, dataset) => flopsNbsz(arch, dataset as Nb201Dataset),
  suiteZero: nb201SuiteZero,
  publishedScores: nb201PublishedScores,
  benchmark: (dataRoot) => loadNb201Table(nb201TableFile(dataRoot)),
  benchmarkFiles: ["nb201/nb201_merged.csv"],
  // ParZC's three, then the rest of NAS-Bench-Suite-Zero's NB201 set; 4–5 minutes on 2 cores (bench/RESULTS.md).
  demo: {
    sample: 280, trainSize: 120, batch: 16, drawFrom: "space",
    baselines: ["fisher", "grasp", "l2_norm", "plain", "jacov", "epe_nas", "nwot", "zen", "params", "flops"],
  },
  // ParZC trains on validation accuracy and is evaluated on test accuracy (parzc-method.md §4).
  targets: { train: "c10v_valid_200", evaluate: "c10_test_200" },
  cellGraph: nb201CellGraph,
};

export const nb201 = {
  ...space,
  ops: NB201_OPS,
  fromCode: archFromCode,
  codeOf: codeOfArch,
  fromNaslib: archFromNaslibTuple,
  toNaslib: naslibTupleOf,
  isValid,
  convEdgeCount,
  params: paramCount,
  flops,
  flopsNbsz,
  table: loadNb201Table,
} as const;
