// Which architectures of a set a model did not train on. Its provenance lists the benchmark table
// rows of its training architectures (NB201: their index); evaluation and the demo's held-out
// ranking leave those out.
import type { Predictor } from "../model/predictor.js";
import type { BenchmarkTable } from "../spaces/index.js";

/** Positions in `archs` of the architectures outside the model's training set. */
export function untrainedPositions(archs: readonly string[], model: Predictor, table: BenchmarkTable): number[] {
  const trained = new Set((model.provenance.trainIndices as number[] | undefined) ?? []);
  return archs.flatMap((arch, i) => (trained.has(table.rowOf(arch)) ? [] : [i]));
}
