// Choosing the model's matmul backend: `wasm` (the SIMD sgemm, the default on CPU), `gpujs`
// (gpu.js), or `auto`, which takes gpu.js only when it reports a real GPU mode.
import { InputError } from "../util/errors.js";
import { gpuJsDefaultMode, gpuJsMatmul, REAL_GPU_MODES } from "./gpujs.js";
import type { MatmulBackend, MatmulBackendName } from "./types.js";
import { wasmMatmul } from "./wasm.js";

export type { MatmulBackend, MatmulBackendName } from "./types.js";
export { wasmMatmul } from "./wasm.js";
export { gpuJsMatmul, gpuJsDefaultMode, loadGpuJs, REAL_GPU_MODES } from "./gpujs.js";

export type BackendChoice = MatmulBackendName | "auto";

export const BACKEND_CHOICES: readonly BackendChoice[] = ["auto", "wasm", "gpujs"];

/** The backend for a `--backend` value; `auto` falls back to wasm without gpu.js or a real GPU. */
export async function selectMatmul(choice: BackendChoice = "auto"): Promise<MatmulBackend> {
  if (choice === "wasm") return wasmMatmul();
  if (choice === "gpujs") {
    try {
      return await gpuJsMatmul();
    } catch (error) {
      throw new InputError(`--backend gpujs: ${error instanceof Error ? error.message : String(error)}. Use --backend wasm.`);
    }
  }
  if (choice !== "auto") throw new InputError(`unknown backend "${String(choice)}": expected one of ${BACKEND_CHOICES.join(", ")}.`);
  const probe = await gpuJsDefaultMode();
  if ("mode" in probe && REAL_GPU_MODES.includes(probe.mode)) return gpuJsMatmul(probe.mode);
  return wasmMatmul();
}
