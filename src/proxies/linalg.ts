// Small dense linear algebra in float64 for the whole-network proxies: Pearson correlation of
// rows (numpy `corrcoef`), eigenvalues of a symmetric matrix (cyclic Jacobi), and log|det|
// (LU with partial pivoting, as LAPACK getrf behind numpy `slogdet`). Matrices are row-major
// n×n Float64Arrays; n is the batch size (≤ a few hundred), so O(n³) is nothing.

/**
 * numpy `corrcoef(rows)`: rows is n×d row-major; entry (i, j) is cov(i, j)/(σ_i·σ_j), clipped to
 * [−1, 1]. A constant row has σ = 0 and makes its row and column NaN (0/0), as numpy does.
 */
export function correlationMatrix(rows: ArrayLike<number>, n: number, d: number): Float64Array {
  if (rows.length !== n * d) throw new Error(`correlationMatrix: ${rows.length} values are not ${n} rows of ${d}`);
  const centred = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let mean = 0;
    for (let k = 0; k < d; k++) mean += rows[i * d + k];
    mean /= d;
    for (let k = 0; k < d; k++) centred[i * d + k] = rows[i * d + k] - mean;
  }
  const cov = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += centred[i * d + k] * centred[j * d + k];
      cov[i * n + j] = cov[j * n + i] = s; // the 1/(d−1) cancels in the ratio
    }
  }
  const sd = Float64Array.from({ length: n }, (_, i) => Math.sqrt(cov[i * n + i]));
  const corr = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) corr[i * n + j] = Math.min(1, Math.max(-1, cov[i * n + j] / sd[i] / sd[j]));
  }
  return corr; // Math.min/max keep NaN
}

/**
 * Eigenvalues of the symmetric n×n matrix `a`, ascending (numpy `eigvalsh`), by cyclic Jacobi
 * rotations (Golub & Van Loan, Matrix Computations §8.5; Numerical Recipes `jacobi`). A matrix
 * with a non-finite entry gives n NaNs.
 */
export function symmetricEigenvalues(a: ArrayLike<number>, n: number): Float64Array {
  if (a.length !== n * n) throw new Error(`symmetricEigenvalues: ${a.length} values are not a ${n}×${n} matrix`);
  const m = Float64Array.from(a);
  if (!m.every(Number.isFinite)) return new Float64Array(n).fill(NaN);
  const total = m.reduce((s, v) => s + v * v, 0);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q] ** 2;
    if (off <= 1e-32 * total) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (apq === 0) continue;
        // The rotation that zeroes (p, q): t = tan φ, the smaller root of t² + 2θt − 1 = 0.
        const theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        const t = Math.abs(theta) > 1e150 ? 1 / (2 * theta) : Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const kp = m[k * n + p], kq = m[k * n + q];
          m[k * n + p] = c * kp - s * kq;
          m[k * n + q] = s * kp + c * kq;
        }
        for (let k = 0; k < n; k++) {
          const pk = m[p * n + k], qk = m[q * n + k];
          m[p * n + k] = c * pk - s * qk;
          m[q * n + k] = s * pk + c * qk;
        }
      }
    }
  }
  return Float64Array.from({ length: n }, (_, i) => m[i * n + i]).sort();
}

/** ln|det a| (numpy `slogdet(a)[1]`): −Infinity for a singular matrix, NaN if an entry is not finite. */
export function logAbsDeterminant(a: ArrayLike<number>, n: number): number {
  if (a.length !== n * n) throw new Error(`logAbsDeterminant: ${a.length} values are not a ${n}×${n} matrix`);
  const m = Float64Array.from(a);
  if (!m.every(Number.isFinite)) return NaN;
  let logDet = 0;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r * n + col]) > Math.abs(m[pivot * n + col])) pivot = r;
    const p = m[pivot * n + col];
    if (p === 0) return -Infinity;
    if (pivot !== col) {
      for (let k = col; k < n; k++) [m[col * n + k], m[pivot * n + k]] = [m[pivot * n + k], m[col * n + k]];
    }
    logDet += Math.log(Math.abs(p));
    for (let r = col + 1; r < n; r++) {
      const f = m[r * n + col] / p;
      if (f !== 0) for (let k = col + 1; k < n; k++) m[r * n + k] -= f * m[col * n + k];
    }
  }
  return logDet;
}
