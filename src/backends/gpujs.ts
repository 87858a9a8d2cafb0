// gpu.js (2.24) as a matmul backend. gpu.js picks its fastest mode: a real GPU through WebGL2,
// WebGPU or headless-gl where one exists, else its WebAssembly or CPU fallbacks, which on the
// project's machines are 10–60× slower than the SIMD sgemm (docs/toolchain-notes.md). So `auto`
// only picks gpu.js on a real GPU mode; the fallbacks are for tests and explicit requests.
// gpu.js is an optional dependency: it is imported lazily, and its absence is reported, not fatal.
import type { Engine } from "../engine/engine.js";
import type { MatmulBackend } from "./types.js";

/**
 * The gpu.js modes that run on a graphics device. gpu.js 2.24 reports every WebGL kernel (WebGL 1
 * or 2, headless-gl) as "gpu", so that is the mode its own choice shows on a real GPU.
 */
export const REAL_GPU_MODES: readonly string[] = ["gpu", "webgl", "webgl2", "webgpu", "headlessgl"];

interface GpuKernel {
  (...args: unknown[]): unknown;
  destroy?(removeCanvasReferences?: boolean): void;
}

interface Gpu {
  readonly mode: string;
  createKernel(fn: (this: KernelThis, a: number[][], b: number[][]) => number, settings: object): GpuKernel;
  destroy(): unknown;
}

interface KernelThis {
  thread: { x: number; y: number };
  constants: { K: number };
}

export interface GpuJsModule {
  GPU: new (settings?: { mode?: string }) => Gpu;
  input(value: Float32Array, size: number[]): unknown;
}

let loaded: Promise<GpuJsModule | string> | undefined;

/**
 * Hands gpu.js over instead of importing it by name: a browser bundle cannot resolve the bare
 * "gpu.js" at run time, so it bundles gpu.js's browser build and passes it here (src/browser/gpu.ts).
 */
export function provideGpuJs(module: GpuJsModule): void {
  loaded = Promise.resolve(module);
}

/** gpu.js, or the reason it cannot be loaded. */
export function loadGpuJs(): Promise<GpuJsModule | string> {
  loaded ??= (async () => {
    const name = "gpu.js"; // a variable, so TypeScript does not need its types to build
    try {
      const module = (await import(name)) as { default?: GpuJsModule } & GpuJsModule;
      return module.GPU ? module : (module.default as GpuJsModule);
    } catch (error) {
      return `gpu.js is not installed (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); install it with \`npm install gpu.js@2.24.1\` (its optional \`gl\` dependency may fail to build; that is fine)`;
    }
  })();
  return loaded;
}

/** The mode gpu.js would choose by itself here, or the reason it is unavailable. */
export async function gpuJsDefaultMode(): Promise<{ mode: string } | { unavailable: string }> {
  const gpuJs = await loadGpuJs();
  if (typeof gpuJs === "string") return { unavailable: gpuJs };
  const gpu = new gpuJs.GPU();
  const mode = gpu.mode;
  gpu.destroy();
  return { mode };
}

/** op(X) as a dense rows×cols float32 matrix, from X stored row-major with leading dimension ld. */
function dense(engine: Engine, ptr: number, rows: number, cols: number, ld: number, transposed: boolean): Float32Array {
  const out = new Float32Array(rows * cols);
  if (!transposed) {
    const src = engine.values(ptr, (rows - 1) * ld + cols);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[r * cols + c] = src[r * ld + c];
  } else {
    // stored cols×rows
    const src = engine.values(ptr, (cols - 1) * ld + rows);
    for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) out[r * cols + c] = src[c * ld + r];
  }
  return out;
}

/**
 * A matmul backend on gpu.js. `mode` forces a gpu.js mode ("cpu", "webasm", "webgl2"…); by default
 * gpu.js chooses. Rejects with the reason when gpu.js is missing or the mode is unsupported.
 */
export async function gpuJsMatmul(mode?: string): Promise<MatmulBackend> {
  const gpuJs = await loadGpuJs();
  if (typeof gpuJs === "string") throw new Error(gpuJs);
  const gpu = new gpuJs.GPU(mode ? { mode } : {});
  const kernels = new Map<string, GpuKernel>();

  function kernelFor(M: number, N: number, K: number): GpuKernel {
    const key = `${M}x${N}x${K}`;
    let kernel = kernels.get(key);
    if (!kernel) {
      kernel = gpu.createKernel(function (this: KernelThis, a: number[][], b: number[][]): number {
        let sum = 0;
        for (let i = 0; i < this.constants.K; i++) sum += a[this.thread.y][i] * b[i][this.thread.x];
        return sum;
      }, { output: [N, M], constants: { K }, precision: "single", tactic: "precision" });
      kernels.set(key, kernel);
    }
    return kernel;
  }

  return {
    name: "gpujs",
    device: `gpu.js ${gpu.mode}`,
    gemm(engine, transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc) {
      if (engine.elementBytes !== 4) {
        throw new Error("the gpujs backend computes in float32; run float64 engines on the wasm backend");
      }
      if (M === 0 || N === 0) return;
      let product: ArrayLike<ArrayLike<number>> | undefined;
      if (K > 0) {
        const a = dense(engine, A, M, K, lda, transA !== 0);
        const b = dense(engine, B, K, N, ldb, transB !== 0);
        const out = kernelFor(M, N, K)(gpuJs.input(a, [K, M]), gpuJs.input(b, [N, K]));
        // gpu.js returns one Float32Array per row, or a flat one when the output has a single row.
        product = out instanceof Float32Array ? [out] : (out as ArrayLike<ArrayLike<number>>);
      }
      const c = engine.values(C, (M - 1) * ldc + N);
      for (let i = 0; i < M; i++) {
        for (let j = 0; j < N; j++) {
          const p = product ? alpha * product[i][j] : 0;
          c[i * ldc + j] = beta === 0 ? p : beta * c[i * ldc + j] + p;
        }
      }
    },
    dispose() {
      for (const kernel of kernels.values()) kernel.destroy?.();
      kernels.clear();
      gpu.destroy();
    },
  };
}
