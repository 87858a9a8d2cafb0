// Which architectures of a set a model did not train on. Its provenance lists the NB201 indices of
// its training architectures; evaluation and the demo's held-out ranking leave those out.
import type { Predictor } from "../model/predictor.js";
import type { Nb201Table } from "../spaces/nb201/table.js";

/** Positions in `archs` of the architectures outside the model's training set. */
export function untrainedPositions(archs: readonly string[], model: Predictor, table: Nb201Table): number[] {
  const trained = new Set((model.provenance.trainIndices as number[] | undefined) ?? []);
  return archs.flatMap((arch, i) => (trained.has(table.indexOf(arch)) ? [] : [i]));
}
