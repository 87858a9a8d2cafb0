// The small float64 linear algebra behind jacov, epe_nas and nwot, against values numpy gives
// (corrcoef, eigvalsh, slogdet) and against identities every symmetric matrix satisfies.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { correlationMatrix, logAbsDeterminant, symmetricEigenvalues } from "../../src/proxies/linalg.js";
import { Random } from "../../src/util/random.js";

const close = (got: ArrayLike<number>, want: ArrayLike<number>, tolerance: number, what: string): void => {
  assert.is(got.length, want.length, `${what}: length`);
  for (let i = 0; i < want.length; i++) assert.ok(Math.abs(got[i] - want[i]) <= tolerance, `${what}[${i}]: got ${got[i]}, want ${want[i]}`);
};
const hilbert = (n: number): Float64Array => Float64Array.from({ length: n * n }, (_, k) => 1 / (Math.floor(k / n) + (k % n) + 1));

test("correlationMatrix matches numpy corrcoef, and a constant row makes its row and column NaN", () => {
  const rows = [1, 2, 3, 4, 2, 4, 6.5, 8, 3, 2, 1, 0.5];
  const numpy = [1, 0.9958616434923834, -0.9897782665572893, 0.9958616434923835, 1, -0.9969956368936629, -0.9897782665572893, -0.9969956368936629, 1];
  close(correlationMatrix(rows, 3, 4), numpy, 1e-15, "corrcoef");
  const withConstant = correlationMatrix([1, 2, 3, 5, 5, 5], 2, 3);
  assert.ok(Math.abs(withConstant[0] - 1) < 1e-15);
  for (const i of [1, 2, 3]) assert.ok(Number.isNaN(withConstant[i]), `entry ${i} is NaN`);
});

test("symmetricEigenvalues: known spectra, ascending, and a NaN entry gives NaNs", () => {
  close(symmetricEigenvalues([2, 1, 1, 2], 2), [1, 3], 1e-15, "[[2,1],[1,2]]");
  close(symmetricEigenvalues([2, -1, 0, -1, 2, -1, 0, -1, 2], 3), [2 - Math.SQRT2, 2, 2 + Math.SQRT2], 1e-15, "tridiagonal");
  close(symmetricEigenvalues([3, 0, 0, 0, -1, 0, 0, 0, 2], 3), [-1, 2, 3], 0, "diagonal");
  const numpy = [3.287928772164762e-6, 0.0003058980401511538, 0.011407491623419655, 0.2085342186110133, 1.5670506910982307];
  close(symmetricEigenvalues(hilbert(5), 5), numpy, 1e-15, "5×5 Hilbert");
  assert.ok(symmetricEigenvalues([1, NaN, NaN, 1], 2).every(Number.isNaN));
});

test("symmetricEigenvalues of a random 40×40 matrix keep its trace, Frobenius norm and determinant", () => {
  const n = 40;
  const random = new Random(3);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = random.normal();
  const lambda = symmetricEigenvalues(a, n);
  const sum = (f: (v: number) => number, values: ArrayLike<number>): number => Array.from(values).reduce((s, v) => s + f(v), 0);
  let trace = 0;
  for (let i = 0; i < n; i++) trace += a[i * n + i];
  assert.ok(Math.abs(sum((v) => v, lambda) - trace) < 1e-12);
  assert.ok(Math.abs(sum((v) => v * v, lambda) - sum((v) => v * v, a)) < 1e-10);
  assert.ok(Math.abs(sum((v) => Math.log(Math.abs(v)), lambda) - logAbsDeterminant(a, n)) < 1e-9);
  for (let i = 1; i < n; i++) assert.ok(lambda[i - 1] <= lambda[i], "ascending");
});

test("logAbsDeterminant matches numpy slogdet, pivots past a zero, and is −Infinity when singular", () => {
  assert.ok(Math.abs(logAbsDeterminant(hilbert(5), 5) - -26.309453258276406) < 1e-10);
  assert.is(logAbsDeterminant([0, 1, 1, 0], 2), 0);
  assert.ok(Math.abs(logAbsDeterminant([4, 3, 6, 3], 2) - Math.log(6)) < 1e-15);
  assert.is(logAbsDeterminant([1, 2, 2, 4], 2), -Infinity);
  assert.is(logAbsDeterminant([5, 5, 5, 5, 5, 5, 5, 5, 5], 3), -Infinity);
  assert.ok(Number.isNaN(logAbsDeterminant([1, NaN, 0, 1], 2)));
});

test.run();
