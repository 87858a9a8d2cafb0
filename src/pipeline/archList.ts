// Which architectures a stats run covers: --archs (all | benchmark | sample:N | file:PATH) gives a fixed
// order, and --shard i/n keeps the positions p with p mod n = i, so n machines split one list
// without talking to each other.
import { readArchFile } from "../data/archFile.js";
import { resolveDataRoot } from "../data/paths.js";
import type { AnySpace, BenchmarkTable } from "../spaces/index.js";
import { InputError } from "../util/errors.js";
import { quoted } from "../util/quoted.js";
import { Random } from "../util/random.js";

export type ArchSpec = { kind: "all" } | { kind: "benchmark" } | { kind: "sample"; count: number } | { kind: "file"; path: string }
  // Canonical strings a caller already chose (the demo's draw from the labelled rows).
  | { kind: "list"; archs: readonly string[] };

export interface Shard {
  index: number;
  count: number;
}

export function parseArchSpec(text: string): ArchSpec {
  if (text === "all") return { kind: "all" };
  if (text === "benchmark") return { kind: "benchmark" };
  const sample = /^sample:(\d+)$/.exec(text);
  if (sample) return { kind: "sample", count: Number(sample[1]) };
  if (text.startsWith("file:") && text.length > "file:".length) return { kind: "file", path: text.slice("file:".length) };
  throw new InputError(`--archs ${quoted(text)} is not understood: expected all, benchmark (every architecture of the benchmark table), sample:N (e.g. sample:100) or file:PATH (one arch string a line).`);
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!(count >= 1 && index < count)) {
    throw new InputError(`--shard ${quoted(text)} is not a shard: expected i/n with 0 <= i < n, e.g. 0/8 (a Kubernetes JOB_COMPLETION_INDEX or Slurm array id is 0-based).`);
  }
  return { index, count };
}

/** Canonical arch strings in the spec's order (enumeration order, the table's, the seeded sample's, or the file's), each once. */
export function archList(space: AnySpace, spec: ArchSpec, seed: number, dataRoot?: string): string[] {
  const archs =
    spec.kind === "all" ? space.enumerate()
    : spec.kind === "benchmark" ? tableArchs(space.benchmark(resolveDataRoot(dataRoot)))
    : spec.kind === "sample" ? space.sample(spec.count, new Random(seed))
    : spec.kind === "list" ? spec.archs
    : readArchFile(space, spec.path);
  return [...new Set(archs)];
}

const tableArchs = (table: BenchmarkTable) => Array.from({ length: table.rowCount }, (_, row) => table.archAt(row));

export function shardOf<T>(items: readonly T[], shard?: Shard): T[] {
  return shard ? items.filter((_, position) => position % shard.count === shard.index) : [...items];
}
