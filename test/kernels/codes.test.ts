// NASWOT sign codes: the wasm kernels (f32 and F64 twin) against the plain-TS reference, and the
// reference against the definition K = C·Cᵀ + (1−C)(1−C)ᵀ computed from the values directly.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as reference from "../../src/reference/codes.js";
import { Random } from "../../src/util/random.js";
import { Arena } from "../../src/wasm/arena.js";
import { float64Kernels } from "../../src/wasm/float64.js";
import { loadWasmInstance } from "../../src/wasm/load.js";

const random = new Random(41);

/** Channel-major [C][N][HW] values with exact zeros, negatives and a NaN (none of them "on"). */
function activations(C: number, N: number, HW: number): Float64Array {
  const x = Float64Array.from({ length: C * N * HW }, () => (random.uniform() < 0.1 ? 0 : random.symmetric(1)));
  x[Math.floor(x.length / 2)] = NaN;
  return x;
}

/** K_ij = Σ_positions [c_i = c_j] with c = [x > 0], straight from the definition. */
function definition(x: Float64Array, C: number, N: number, HW: number): Float64Array {
  const K = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      for (let c = 0; c < C; c++) for (let p = 0; p < HW; p++) K[i * N + j] += Number(x[(c * N + i) * HW + p] > 0 === x[(c * N + j) * HW + p] > 0);
    }
  }
  return K;
}

function referenceK(x: Float64Array, C: number, N: number, HW: number, weight: number, K: Float64Array): void {
  const words = C * Math.ceil(HW / 64);
  const codes = new Uint32Array(N * words * 2);
  reference.packSigns(x, C, N, HW, codes);
  reference.signAgreement(codes, N, words, C * HW, weight, K);
}

const shapes = [[3, 5, 9], [2, 4, 64], [4, 6, 100], [1, 2, 1], [16, 16, 1024]];

test("the reference sign agreement equals C·Cᵀ + (1−C)(1−C)ᵀ, padding bits never counting", () => {
  for (const [C, N, HW] of shapes.slice(0, 4)) {
    const x = activations(C, N, HW);
    const K = new Float64Array(N * N);
    referenceK(x, C, N, HW, 1, K);
    assert.equal([...K], [...definition(x, C, N, HW)], `C=${C} N=${N} HW=${HW}`);
  }
});

for (const precision of ["f32", "f64"] as const) {
  test(`wasm packSigns + signAgreement (${precision}) equal the reference, weighted and accumulating`, async () => {
    const core = await loadWasmInstance();
    const kernels = precision === "f32" ? core.exports : float64Kernels(core.exports);
    const bytes = precision === "f32" ? 4 : 8;
    const arena = new Arena(core.memory, core.exports.heapBase());
    for (const [C, N, HW] of shapes) {
      const x = activations(C, N, HW);
      const values = precision === "f32" ? Float32Array.from(x) : x;
      const xPtr = arena.alloc(x.length * bytes);
      (precision === "f32" ? arena.f32(xPtr, x.length) : arena.f64(xPtr, x.length)).set(values);
      const words = C * Math.ceil(HW / 64);
      const codes = arena.alloc(N * words * 8);
      const start = Float64Array.from({ length: N * N }, (_, i) => i); // the kernel must add, not overwrite
      const KPtr = arena.alloc(N * N * 8);
      arena.f64(KPtr, N * N).set(start);
      kernels.packSigns(xPtr, C, N, HW, codes);
      kernels.signAgreement(codes, N, words, C * HW, 3, KPtr);
      const expected = start.slice();
      referenceK(Float64Array.from(values), C, N, HW, 3, expected);
      assert.equal([...arena.f64(KPtr, N * N)], [...expected], `C=${C} N=${N} HW=${HW}`);
      arena.reset();
    }
  });
}

test.run();
