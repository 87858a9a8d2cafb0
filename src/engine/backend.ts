// Where the engine's numbers live and who computes on them. The wasm backend (float32,
// SIMD kernels) does the real work; its float64 twin runs the same kernels where float32
// overflows or cannot resolve a step (synflow, finite differences); the reference backend runs
// the plain-TS kernels in float64 on the same pointer interface, as the living spec.
import type { KernelExports } from "../wasm/exports.js";
import { float64Kernels } from "../wasm/float64.js";
import { loadWasm, loadWasmInstance } from "../wasm/load.js";

export interface Backend {
  readonly name: string;
  readonly kernels: KernelExports;
  /** Byte store the pointers index into (grown by the arena). */
  readonly memory: WebAssembly.Memory;
  /** First byte the arena may hand out. */
  readonly heapBase: number;
  /** 4 (float32) or 8 (float64). */
  readonly elementBytes: 4 | 8;
}

export async function wasmBackend(): Promise<Backend> {
  const core = await loadWasm();
  return { name: "wasm", kernels: core.exports, memory: core.memory, heapBase: core.exports.heapBase(), elementBytes: 4 };
}

/** The wasm kernels in float64, on an instance of their own so this engine's arena has its own memory. */
export async function wasmBackendF64(): Promise<Backend> {
  const core = await loadWasmInstance();
  return { name: "wasm-f64", kernels: float64Kernels(core.exports), memory: core.memory, heapBase: core.exports.heapBase(), elementBytes: 8 };
}
