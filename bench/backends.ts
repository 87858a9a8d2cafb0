// The model's matmul backends side by side on the products one MABN training step makes (batch 10,
// default config) and one ranking batch (512 architectures): the wasm sgemm against gpu.js in every
// mode it offers here (copying in and out of wasm memory included, as the model pays it).
//   node --import tsx bench/backends.ts [--json] [--repeats 9]
import { gpuJsDefaultMode, gpuJsMatmul, wasmMatmul, type MatmulBackend } from "../src/backends/index.js";
import { modelEngine } from "../src/model/predictor.js";
import { Random } from "../src/util/random.js";
import { argValue, medianMs, wantsJson } from "./timing.js";

const repeats = Number(argValue("repeats", "9"));
const engine = await modelEngine("f32");
const random = new Random(1);
/** [M, N, K]: y = x·Wᵀ shapes of the default MABN (16 segments × 64 channels, 294 inputs). */
const shapes: [string, number, number, number][] = [
  ["project, batch 10", 10, 256, 294],
  ["channel MLP up, batch 10", 160, 256, 64],
  ["channel MLP down, batch 10", 160, 64, 256],
  ["token MLP, batch 10", 640, 32, 16],
  ["channel MLP up, batch 512", 8192, 256, 64],
];

const backends: MatmulBackend[] = [wasmMatmul()];
const probe = await gpuJsDefaultMode();
if ("mode" in probe) {
  for (const mode of new Set([probe.mode, "webasm", "cpu"])) backends.push(await gpuJsMatmul(mode));
} else console.error(`note: ${probe.unavailable}; gpu.js columns skipped`);

const rows = shapes.map(([name, M, N, K]) => {
  const a = engine.fromArray(Float32Array.from({ length: M * K }, () => random.symmetric(1)), [M, K]);
  const b = engine.fromArray(Float32Array.from({ length: N * K }, () => random.symmetric(1)), [N, K]);
  const c = engine.empty([M, N]);
  const times: Record<string, number> = {};
  for (const backend of backends) {
    const slow = backend.name === "gpujs" && M * N * K > 1e7;
    times[backend.device] = medianMs(() => backend.gemm(engine, 0, 1, M, N, K, 1, a.ptr, K, b.ptr, K, 0, c.ptr, N), { repeats: slow ? 3 : repeats, warmup: 1 });
  }
  return { name, M, N, K, ms: times, gflops: Object.fromEntries(Object.entries(times).map(([k, t]) => [k, (2 * M * N * K) / (t * 1e6)])) };
});
for (const backend of backends) backend.dispose();

if (wantsJson()) console.log(JSON.stringify(rows));
else {
  const names = backends.map((b) => b.device);
  console.log(["product (M×N×K)".padEnd(44), ...names.map((n) => n.padStart(16))].join(""));
  for (const row of rows) {
    const label = `${row.name} (${row.M}×${row.N}×${row.K})`.padEnd(44);
    console.log(label + names.map((n) => `${row.ms[n].toFixed(3)} ms`.padStart(16)).join(""));
  }
  console.log("(median ms per product, copies in and out of wasm memory included; one thread)");
}
