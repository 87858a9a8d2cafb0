// Loss specs: "dk", "pw", "mse" and their unweighted sums ("mse+dk", "pw+dk", "mse+pw+dk"), as
// PicoNAS's --loss_type (parzc-method.md §3.3). Long names (diffkendall, pairwise) are accepted.
import { addAll } from "../../engine/ops/add.js";
import type { Tensor } from "../../engine/tensor.js";
import { InputError } from "../../util/errors.js";
import type { Runtime } from "../runtime.js";
import { DEFAULT_ALPHA, diffKendallLoss } from "./diffKendall.js";
import { mseLoss, pairwiseLoss } from "./pairwise.js";

export type LossTerm = "dk" | "pw" | "mse";

const ALIASES: Record<string, LossTerm> = { dk: "dk", diffkendall: "dk", pw: "pw", pairwise: "pw", mse: "mse" };

export function parseLoss(spec: string): LossTerm[] {
  const terms = spec.split("+").map((part) => part.trim().toLowerCase());
  const parsed: LossTerm[] = [];
  for (const term of terms) {
    const known = ALIASES[term];
    if (!known) throw new InputError(`--loss "${spec}": unknown term "${term}"; use dk, pw or mse, or a sum such as mse+dk.`);
    if (parsed.includes(known)) throw new InputError(`--loss "${spec}" names ${known} twice.`);
    parsed.push(known);
  }
  return parsed;
}

export function formatLoss(terms: readonly LossTerm[]): string {
  return terms.join("+");
}

export interface LossOptions {
  /** DiffKendall's sharpness α (default 0.5). */
  alpha?: number;
}

/** The summed loss of the predictions [B, 1] against the targets. */
export function batchLoss(rt: Runtime, terms: readonly LossTerm[], predictions: Tensor, targets: ArrayLike<number>, { alpha = DEFAULT_ALPHA }: LossOptions = {}): Tensor {
  const parts = terms.map((term) => {
    if (term === "dk") return diffKendallLoss(rt, predictions, targets, alpha);
    if (term === "pw") return pairwiseLoss(rt, predictions, targets);
    return mseLoss(rt, predictions, targets);
  });
  return addAll(rt.engine, parts);
}

export { diffKendallLoss, DEFAULT_ALPHA } from "./diffKendall.js";
export { pairwiseLoss, mseLoss, pairwiseLogistic, meanSquaredError } from "./pairwise.js";
export { diffKendallReference, diffKendallReferenceGrad } from "./diffKendallReference.js";
