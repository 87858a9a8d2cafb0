// The seam between a search space and everything else (../docs/spaces.md in the shared notes).
// A space is one folder under src/spaces/ plus one line in src/spaces/index.ts; the rest of the
// code asks the registry for a space by name and talks to this interface. The pipeline moves
// canonical arch strings: `parse` runs at the boundary, `format(parse(s))` is the key everywhere.
import type { Random } from "../util/random.js";
import type { SpaceNetwork } from "./network.js";

/** For one image: the parameter count, and FLOPs (multiply-accumulates) in millions. */
export interface SpaceCost {
  params: number;
  flops: number;
}

/** NAS-Bench-Suite-Zero's zero-cost JSON for a space: {"<benchmark>": {"<dataset>": {"<key>": {proxy: {score}, …, val_accuracy}}}}. */
export interface SuiteZeroLayout<Arch> {
  /** The top-level key, e.g. "nasbench201". */
  readonly benchmark: string;
  /** An architecture's key as NASLib writes it (NB201: the op-index tuple "(0, 2, 3, 2, 3, 1)"). */
  key(arch: Arch): string;
  /** The benchmark table column written as val_accuracy for `dataset`. */
  validation(dataset: string): string;
}

/** Zero-cost proxy scores someone published for the space's architectures (`parzc proxies --reference`). */
export interface PublishedScores {
  /** Who published them and the file, for the output: "NAS-Bench-Suite-Zero, nbsz_graf/nb201_zc_proxies.csv". */
  readonly source: string;
  /** Canonical arch string → proxy → score. */
  readonly scores: ReadonlyMap<string, Readonly<Record<string, number>>>;
}

/** A benchmark's ground truth: one row per architecture it holds, keyed by canonical string. */
export interface BenchmarkTable {
  readonly file: string;
  readonly columnNames: readonly string[];
  /** Rows in the table (NB201: every architecture, its index = its row). */
  readonly rowCount: number;
  /** The row of a canonical arch string, or -1 when the table does not hold it. */
  rowOf(arch: string): number;
  /** The canonical arch string at a row. */
  archAt(row: number): string;
  /** A numeric column by name, one value per row (NaN where absent). Throws an input error for an unknown or non-numeric column. */
  column(name: string): Float64Array;
}

/** A cell as the architecture encoder reads it (parzc-method.md §2.3): token features and how the tokens connect. */
export interface CellGraph {
  /** [tokens × ops] one-hot, a row per token (all 0 for a padding token). */
  onehot: Float64Array;
  /** [tokens × tokens] symmetric adjacency with self-loops, GCN-normalised D^−½ (A + I) D^−½, row-major. */
  adjacency: Float64Array;
}

/** The architecture encoder's vocabulary for a space, and a cell's graph over it. */
export interface CellGraphs<Arch> {
  /** Tokens per cell, padding included; the model's config stores it. */
  readonly tokens: number;
  /** What each one-hot column stands for; the config stores their count. */
  readonly ops: readonly string[];
  of(arch: Arch): CellGraph;
}

/** ParZC's default --target columns of the space's benchmark table. */
export interface DefaultTargets {
  readonly train: string;
  readonly evaluate: string;
}

/** What `parzc demo --space NAME` runs by default, chosen per space from measured cost (bench/RESULTS.md). */
export interface DemoPlan {
  /** Architectures drawn with the seed; ParZC trains on `trainSize` of them and is evaluated on the rest. */
  readonly sample: number;
  readonly trainSize: number;
  /** Images per batch for the statistics. */
  readonly batch: number;
  /** Proxies computed beside ParZC's own three, each compared with it. */
  readonly baselines: readonly string[];
  /** Where the sample is drawn: the whole space (its table holds every architecture), or the table rows that hold both targets. */
  readonly drawFrom: "space" | "labelled";
}

export interface SearchSpace<Arch = unknown> {
  /** The registry key and the `--space` value. */
  readonly name: string;
  /** What a person calls it: "NAS-Bench-201". */
  readonly title: string;
  /** One line saying how an arch string is written, for error messages. */
  readonly grammar: string;
  readonly examples: readonly string[];
  /** Parses any form the space accepts; throws an input error naming the bad part and the grammar. */
  parse(text: string): Arch;
  /** The canonical string. */
  format(arch: Arch): string;

  /** Architectures in the space (isomorphic cells count once). */
  readonly size: number;
  /** Every architecture, canonical, in the space's own order. */
  enumerate(): string[];
  /** `count` distinct architectures, canonical, drawn with `random`. */
  sample(count: number, random: Random): string[];
  /** The architecture with the most nodes and parameters (warm-up, memory ceiling). */
  readonly largest: string;
  /** No input→output path through parameterised or identity ops: nothing reaches the weights. */
  isDegenerate(arch: Arch): boolean;
  /** What else `parzc arch` shows of an architecture, as key → value (NB201: valid; NB101: its hash). */
  facts(arch: Arch): Record<string, string | number | boolean>;

  /** Image datasets the space's benchmark was trained on. */
  readonly datasets: readonly string[];
  /** The benchmark's own network for `dataset`, built without memory. */
  build(arch: Arch, dataset: string): SpaceNetwork;
  /** Conv/Linear nodes of the built network. */
  nodeCount(arch: Arch): number;
  /** The most nodes any architecture has (ParZC's padding length). */
  readonly maxNodes: number;
  /** Params and FLOPs by the benchmark's own counting rule. */
  cost(arch: Arch, dataset: string): SpaceCost;
  /** FLOPs in millions as NAS-Bench-Suite-Zero's `flops` proxy counts them (NASLib via tensorwatch). */
  suiteZeroFlops(arch: Arch, dataset: string): number;
  /** How `parzc stats export --format json` writes the space; absent where NAS-Bench-Suite-Zero has no layout for it. */
  readonly suiteZero?: SuiteZeroLayout<Arch>;
  /** Published scores under the data folder (an input error names a missing or damaged file); absent where parzc holds none. */
  publishedScores?(dataRoot: string): PublishedScores;

  /** The benchmark's ground truth under the data folder, read once (an input error names a missing or damaged file). */
  benchmark(dataRoot: string): BenchmarkTable;
  /** The files `benchmark` reads, relative to the data folder (each plain or .gz): checked before minutes of work. */
  readonly benchmarkFiles: readonly string[];
  /** `parzc demo`'s defaults for this space. */
  readonly demo: DemoPlan;
  /** Columns of `benchmark` that ParZC trains on and evaluates against by default. */
  readonly targets: DefaultTargets;
  /** The cell as the architecture encoder reads it. */
  readonly cellGraph: CellGraphs<Arch>;
}

/** A space whose arch type the caller does not know: what the registry hands out. */
export type AnySpace = SearchSpace<unknown>;
