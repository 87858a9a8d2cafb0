// The model's matmul backend in a browser: gpu.js's browser build (bundled as its own chunk, loaded
// on first use) on WebGL2 when the browser offers it, the wasm SIMD sgemm otherwise. gpu.js 2.24
// names every GL kernel's mode "gpu", so the choice asks gpu.js whether WebGL2 is supported rather
// than matching mode names. Its WebGPU kernels run asynchronously, which the model's synchronous
// matmul interface cannot wait for, so WebGPU is reported but not used.
import { gpuJsMatmul, provideGpuJs, type GpuJsModule } from "../backends/gpujs.js";
import { wasmMatmul, type MatmulBackend } from "../backends/index.js";
import { InputError } from "../util/errors.js";

export interface BrowserMatmul {
  backend: MatmulBackend;
  /** Whether gpu.js can run WebGL2 kernels here (false also when gpu.js failed to load). */
  webgl2: boolean;
  /** Whether navigator.gpu exists (WebGPU). */
  webgpu: boolean;
}

type GpuJsBrowser = GpuJsModule & { readonly isWebGL2Supported: boolean };

/** `auto`: gpu.js on WebGL2, else wasm; `wasm`: the wasm sgemm whatever the browser offers. */
export type BrowserMatmulChoice = "auto" | "wasm";

export async function browserMatmul(choice: string = "auto"): Promise<BrowserMatmul> {
  if (choice !== "auto" && choice !== "wasm") throw new InputError(`matmul backend "${choice}" is unknown: expected auto or wasm.`);
  const webgpu = typeof navigator !== "undefined" && "gpu" in navigator;
  const gpuJs = (await import("gpu.js/dist/gpu-browser.js")).default as GpuJsBrowser;
  provideGpuJs(gpuJs);
  const webgl2 = gpuJs.isWebGL2Supported;
  return { backend: webgl2 && choice === "auto" ? await gpuJsMatmul("webgl2") : wasmMatmul(), webgl2, webgpu };
}
