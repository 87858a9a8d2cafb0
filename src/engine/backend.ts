// Where the engine's numbers live and who computes on them. The wasm backend (float32,
// SIMD kernels) does the real work; the reference backend runs the plain-TS kernels in
// float64 on the same pointer interface, so a whole network can be checked against
// finite differences at a step size float32 cannot resolve.
import type { KernelExports } from "../wasm/exports.js";
import { loadWasm } from "../wasm/load.js";

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
