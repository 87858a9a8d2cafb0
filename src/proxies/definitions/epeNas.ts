// epe_nas (Lopes et al., "EPE-NAS", ICANN 2021; NASLib naslib/predictors/utils/pruners/measures/
// epe_nas.py): the input Jacobian of jacov, split by label. Per class c present, R_c = corrcoef of
// its rows (1 for a single sample) and s_c = Σ_ij ln(|R_c,ij| + k). Up to 100 classes the score is
// Σ_c |s_c|; above (ImageNet16-120) each s_c is divided by its class's sample count, single-sample
// classes are skipped, and the score is Σ_c Σ_c' |s_c − s_c'| / (classes kept). No per-node form;
// a constant Jacobian row gives NaN.
import { inputJacobian } from "../jacobian.js";
import { correlationMatrix } from "../linalg.js";
import { defineProxy } from "../registry.js";

const K = 1e-5;
const MANY_CLASSES = 100;

/** The EPE-NAS score of Jacobian rows (samples × width) with their labels and the logit width. */
export function epeScore(rows: Float64Array, width: number, labels: ArrayLike<number>, classes: number): number {
  const members = new Map<number, number[]>(); // first-appearance order, as NASLib iterates
  Array.from(labels).forEach((label, i) => members.set(label, [...(members.get(label) ?? []), i]));
  const perClass: number[] = [];
  for (const indices of members.values()) {
    const n = indices.length;
    if (n === 1 && classes > MANY_CLASSES) continue; // len() of NASLib's 0-d array raises: skipped
    const correlation = n === 1 ? [1] : correlationMatrix(gather(rows, width, indices), n, width);
    let s = 0;
    for (const r of correlation) s += Math.log(Math.abs(r) + K);
    perClass.push(classes > MANY_CLASSES ? s / n : s);
  }
  if (classes <= MANY_CLASSES) return perClass.reduce((sum, s) => sum + Math.abs(s), 0);
  let spread = 0;
  for (const a of perClass) for (const b of perClass) spread += Math.abs(a - b);
  return spread / perClass.length; // NaN when no class has two samples
}

function gather(rows: Float64Array, width: number, indices: readonly number[]): Float64Array {
  const out = new Float64Array(indices.length * width);
  indices.forEach((row, i) => out.set(rows.subarray(row * width, (row + 1) * width), i * width));
  return out;
}

defineProxy({
  name: "epe_nas",
  source: "Lopes et al., ICANN 2021; NASLib naslib/predictors/utils/pruners/measures/epe_nas.py",
  needs: { data: true, labels: true, batchNorm: "train", precision: "f32", shares: "inputJacobian" },
  reduction: "none",
  compute(context) {
    const { rows, width, classes } = inputJacobian(context);
    return { score: epeScore(rows, width, context.inputs.batch.labels, classes) };
  },
});
