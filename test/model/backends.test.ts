// The model's matmul backends behind one interface: gpu.js (in its CPU and WebAssembly modes, the
// ones this machine has) must agree with the wasm sgemm to 1e-4, on raw products and on a whole
// model's outputs and gradients. Without gpu.js installed the gpu.js tests are skipped, saying why.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { gpuJsMatmul, loadGpuJs, REAL_GPU_MODES, selectMatmul, wasmMatmul, type MatmulBackend } from "../../src/backends/index.js";
import { batchTensors } from "../../src/model/batch.js";
import { defaultConfig } from "../../src/model/config.js";
import { syntheticDataset } from "../../src/model/dataset.js";
import { createPredictor } from "../../src/model/predictor.js";
import { Random } from "../../src/util/random.js";
import { assertClose, randomValues, runtime32 } from "./helpers.js";

const gpuJs = await loadGpuJs();
const gpuTest = typeof gpuJs === "string" ? test.skip : test;
if (typeof gpuJs === "string") console.log(`skipping the gpu.js tests: ${gpuJs}`);

test("auto picks wasm unless gpu.js reports a real GPU mode", async () => {
  const chosen = await selectMatmul("auto");
  if (chosen.name === "gpujs") assert.ok(REAL_GPU_MODES.some((mode) => chosen.device.endsWith(mode)), chosen.device);
  else assert.is(chosen.device, "wasm-simd");
  chosen.dispose();
  assert.is((await selectMatmul("wasm")).name, "wasm");
});

function product(backend: MatmulBackend, rt: Awaited<ReturnType<typeof runtime32>>, tA: number, tB: number, a: Float64Array, b: Float64Array, c: Float64Array, [M, N, K]: number[], alpha: number, beta: number): Float32Array {
  const { engine } = rt;
  return engine.withPass(() => {
    const A = engine.fromArray(a, tA ? [K, M] : [M, K]);
    const B = engine.fromArray(b, tB ? [N, K] : [K, N]);
    const C = engine.fromArray(c, [M, N]);
    backend.gemm(engine, tA, tB, M, N, K, alpha, A.ptr, tA ? M : K, B.ptr, tB ? K : N, beta, C.ptr, N);
    return Float32Array.from(engine.read(C));
  });
}

for (const mode of ["cpu", "webasm"]) {
  gpuTest(`gpu.js ${mode}: every transpose case of C = αAB + βC agrees with the wasm sgemm to 1e-4`, async () => {
    const rt = await runtime32();
    const gpu = await gpuJsMatmul(mode);
    assert.is(gpu.device, `gpu.js ${mode}`);
    const wasm = wasmMatmul();
    const dims = [5, 7, 9];
    for (const [tA, tB] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
      for (const [alpha, beta] of [[1, 0], [0.5, 1], [2, -0.5]]) {
        const a = randomValues(dims[0] * dims[2]), b = randomValues(dims[1] * dims[2]), c = randomValues(dims[0] * dims[1]);
        assertClose(`tA ${tA} tB ${tB} α ${alpha} β ${beta}`, product(gpu, rt, tA, tB, a, b, c, dims, alpha, beta), product(wasm, rt, tA, tB, a, b, c, dims, alpha, beta), 1e-4);
      }
    }
    gpu.dispose();
  });
}

gpuTest("gpu.js cpu: a whole MABN (with the architecture encoder) gives the wasm outputs and gradients to 1e-4", async () => {
  const data = syntheticDataset(6, { seed: 2 });
  const config = defaultConfig("mabn", { sequence: 32, segment: 8, width: 8, depth: 1, archEncoder: { width: 4, layers: 1, hidden: 6 } });
  const run = async (matmul: MatmulBackend) => {
    const model = await createPredictor(config, { seed: 1, matmul });
    const { rt, net } = model;
    net.resample(new Random(3));
    net.params.attachGradients();
    const out = rt.engine.withPass(() => {
      const y = net.forward(rt, batchTensors(rt, net, data, [0, 1, 2, 3, 4, 5]));
      rt.engine.backwardFrom(y, [1, -2, 0.5, 3, -1, 0.25]);
      return Float32Array.from(rt.engine.read(y));
    });
    const grads = Float32Array.from(rt.engine.values(net.params.gradsPtr, net.params.size));
    return { out, grads };
  };
  const gpu = await gpuJsMatmul("cpu");
  const [viaGpu, viaWasm] = [await run(gpu), await run(wasmMatmul())];
  assertClose("outputs", viaGpu.out, viaWasm.out, 1e-4);
  assertClose("gradients", viaGpu.grads, viaWasm.grads, 1e-4);
  gpu.dispose();
});

test.run();
