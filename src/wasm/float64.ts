// The float64 face of build/parzc.wasm: each f32 kernel name bound to its F64 twin, so the engine
// runs either precision through the same call sites.
import type { KernelExports, WasmExports } from "./exports.js";

const F64 = "F64";

export function float64Kernels(exports: WasmExports): KernelExports {
  const all = exports as unknown as Record<string, unknown>;
  const kernels: Record<string, unknown> = { memory: exports.memory, heapBase: exports.heapBase };
  for (const name of Object.keys(all)) {
    if (name in kernels || name.endsWith(F64) || typeof all[name] !== "function") continue;
    kernels[name] = all[name + F64] ?? missingTwin(name);
  }
  return kernels as unknown as KernelExports;
}

/** A kernel written for f32 only fails when the float64 engine calls it, not when it starts. */
function missingTwin(name: string): () => never {
  return () => {
    throw new Error(`parzc: the wasm kernel ${name} has no float64 twin ${name}${F64}; write it generic over f32 | f64 in assembly/ and rebuild with \`npm run build:wasm\`.`);
  };
}
