// jacov / jacob_cov (Mellor et al., "Neural Architecture Search without Training", arXiv v1 2020;
// zero-cost-nas foresight/pruners/measures/jacob_cov.py = NASLib jacov.py): the eigenvalues λ of
// the Pearson correlation of the per-sample input Jacobians, score = −Σ [ln(λ+k) + 1/(λ+k)].
// No per-node form. A constant Jacobian row (a degenerate network) makes the correlation, and so
// the score, NaN (NASLib then stores −1e8).
import { inputJacobian } from "../jacobian.js";
import { correlationMatrix, symmetricEigenvalues } from "../linalg.js";
import { defineProxy } from "../registry.js";

const K = 1e-5;

/** −Σ [ln(λ+k) + 1/(λ+k)] over the eigenvalues of an n×n correlation matrix (at most ≈ −n). */
export function jacobianCovarianceScore(correlation: Float64Array, n: number): number {
  let score = 0;
  for (const lambda of symmetricEigenvalues(correlation, n)) score -= Math.log(lambda + K) + 1 / (lambda + K);
  return score;
}

defineProxy({
  name: "jacov",
  source: "Mellor et al., arXiv:2006.04647v1; zero-cost-nas foresight/pruners/measures/jacob_cov.py (NASLib jacov.py)",
  needs: { data: true, labels: false, batchNorm: "train", precision: "f32", shares: "inputJacobian" },
  reduction: "none",
  compute(context) {
    const { rows, samples, width } = inputJacobian(context);
    return { score: jacobianCovarianceScore(correlationMatrix(rows, samples, width), samples) };
  },
});
