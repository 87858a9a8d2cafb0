// What the model's ops run on: an engine (arena, tape, kernels in f32 or f64), the engine's model
// kernels (assembly/{layernorm,gelu,diffkendall,adam}.ts), and a matmul backend for the products.
import { wasmMatmul, type MatmulBackend } from "../backends/index.js";
import type { Engine } from "../engine/engine.js";
import type { KernelExports, ModelKernelExports } from "../wasm/exports.js";

export type ModelKernels = KernelExports & ModelKernelExports;

const MODEL_KERNELS: readonly (keyof ModelKernelExports)[] = [
  "layerNormForward", "layerNormBackward", "geluForward", "geluBackward", "diffKendallForward", "diffKendallBackward", "adamStep",
];

export interface Runtime {
  readonly engine: Engine;
  readonly kernels: ModelKernels;
  readonly matmul: MatmulBackend;
}

/** The engine's kernels with the model's ones checked present (a stale build/parzc.wasm lacks them). */
export function modelKernels(engine: Engine): ModelKernels {
  const kernels = engine.kernels as unknown as Record<string, unknown>;
  for (const name of MODEL_KERNELS) {
    if (typeof kernels[name] !== "function") {
      throw new Error(`parzc: the ${engine.backend.name} backend has no ${name} kernel; the model runs on the wasm backends. If build/parzc.wasm predates assembly/${name.replace(/(Forward|Backward|Step)$/, "").toLowerCase()}.ts, rebuild it with \`npm run build:wasm\`.`);
    }
  }
  return engine.kernels as ModelKernels;
}

export function createRuntime(engine: Engine, matmul: MatmulBackend = wasmMatmul()): Runtime {
  return { engine, kernels: modelKernels(engine), matmul };
}
