// DiffKendall forward + backward: the AssemblyScript SIMD kernel (f32 and f64) against the plain-TS
// reference (src/model/losses/diffKendallReference.ts, the spec: tanh per ordered pair) and against
// a tuned plain-TS version using the kernel's own algorithm (half the pairs, tanh from exponentials),
// all in one run, one thread.
//   node --import tsx bench/diffkendall.ts [--json] [--repeats 15] [--sizes 10,100,1000,4000]
import { diffKendallReference, diffKendallReferenceGrad } from "../src/model/losses/diffKendallReference.js";
import { modelEngine } from "../src/model/predictor.js";
import { createRuntime } from "../src/model/runtime.js";
import { Random } from "../src/util/random.js";
import { argValue, medianMs, wantsJson } from "./timing.js";

const repeats = Number(argValue("repeats", "15"));
const sizes = argValue("sizes", "10,100,1000,4000").split(",").map(Number);
const random = new Random(1);

/** The kernel's algorithm in plain TS: a_i = e^{α(x_i − m)}, tanh(αΔ/2) = (a_i − a_j)/(a_i + a_j), i < j only. */
function tunedTs(x: Float64Array, y: Float64Array, alpha: number, grad: Float64Array): number {
  const n = x.length;
  const mid = (v: Float64Array) => (Math.max(...v) + Math.min(...v)) / 2;
  const mx = mid(x), my = mid(y);
  const a = x.map((v) => Math.exp(alpha * (v - mx))), b = y.map((v) => Math.exp(alpha * (v - my)));
  const pairs = (n * (n - 1)) / 2, k = -alpha / pairs;
  let total = 0;
  for (let i = 0; i < n - 1; i++) {
    const ai = a[i], bi = b[i];
    let row = 0, rowGrad = 0;
    for (let j = i + 1; j < n; j++) {
      const tx = (ai - a[j]) / (ai + a[j]), ty = (bi - b[j]) / (bi + b[j]);
      row += tx * ty;
      const h = (1 - tx * tx) * ty;
      rowGrad += h;
      grad[j] -= k * h;
    }
    grad[i] += k * rowGrad;
    total += row;
  }
  return (-2 * total) / pairs;
}

interface Row { n: number; wasm_f32_ms: number; wasm_f64_ms: number; reference_ts_ms: number; tuned_ts_ms: number; speedup_vs_reference: number; speedup_vs_tuned: number }
const rows: Row[] = [];
const rt32 = createRuntime(await modelEngine("f32"));
const rt64 = createRuntime(await modelEngine("f64"));

function kernelMs(rt: typeof rt32, x: Float64Array, y: Float64Array): number {
  const { engine, kernels } = rt;
  const n = x.length;
  return engine.withPass(() => {
    const xs = engine.fromArray(x, [n]), ys = engine.fromArray(y, [n]);
    const dx = engine.zeros([n]), scratch = engine.empty([2 * n]);
    return medianMs(() => {
      kernels.diffKendallForward(xs.ptr, ys.ptr, n, 0.5, scratch.ptr);
      kernels.diffKendallBackward(xs.ptr, ys.ptr, n, 0.5, 1, dx.ptr, scratch.ptr);
    }, { repeats, warmup: 3 });
  });
}

for (const n of sizes) {
  const x = Float64Array.from({ length: n }, () => random.normal());
  const y = Float64Array.from({ length: n }, () => random.normal());
  const slow = n >= 1000 ? Math.max(3, Math.floor(repeats / 3)) : repeats;
  const reference = medianMs(() => { diffKendallReference(x, y, 0.5); diffKendallReferenceGrad(x, y, 0.5); }, { repeats: slow });
  const tuned = medianMs(() => tunedTs(x, y, 0.5, new Float64Array(n)), { repeats: slow, warmup: 2 });
  const f32 = kernelMs(rt32, x, y), f64 = kernelMs(rt64, x, y);
  rows.push({ n, wasm_f32_ms: f32, wasm_f64_ms: f64, reference_ts_ms: reference, tuned_ts_ms: tuned, speedup_vs_reference: reference / f32, speedup_vs_tuned: tuned / f32 });
}

if (wantsJson()) console.log(JSON.stringify(rows));
else {
  console.log("DiffKendall forward+backward, median ms (one thread)");
  console.log("n       wasm f32   wasm f64   plain-TS ref   tuned TS   ref/f32   tuned/f32");
  for (const r of rows) {
    console.log(`${String(r.n).padEnd(7)} ${r.wasm_f32_ms.toFixed(3).padStart(8)}   ${r.wasm_f64_ms.toFixed(3).padStart(8)}   ${r.reference_ts_ms.toFixed(3).padStart(12)}   ${r.tuned_ts_ms.toFixed(3).padStart(8)}   ${r.speedup_vs_reference.toFixed(1).padStart(7)}×  ${r.speedup_vs_tuned.toFixed(1).padStart(7)}×`);
  }
}
