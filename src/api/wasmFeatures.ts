// What the wasm core uses and what this runtime offers. SIMD: the kernels are built with
// `--enable simd` (asconfig.json); here we count the functions that declare v128 locals. Threads:
// the build uses no shared memory; parallel work runs one instance per worker thread (piscina).
import { readFile } from "node:fs/promises";
import { loadWasmInstance } from "../wasm/load.js";

// Tiny modules from wasm-feature-detect: i8x16.splat + i8x16.popcnt, and a shared memory with an
// atomic load. WebAssembly.validate accepts each only where the feature is there.
const SIMD_PROBE = Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11);
const THREADS_PROBE = Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 4, 1, 3, 1, 1, 10, 11, 1, 9, 0, 65, 0, 254, 16, 2, 0, 26, 11);

/** The same file src/wasm/load.ts loads (this module sits at the same depth). */
const WASM_URL = new URL("../../build/parzc.wasm", import.meta.url);

const V128 = 0x7b;
const CODE_SECTION = 10;

export interface WasmFeatures {
  simd: { supported: boolean; functions: number; of: number };
  threads: { supported: boolean; sharedArrayBuffer: boolean; atomics: boolean; sharedMemory: boolean };
}

/** Reads unsigned LEB128 integers from a byte array. */
class Reader {
  constructor(private readonly bytes: Uint8Array, public at = 0) {}
  u32(): number {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.bytes[this.at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  }
  byte(): number {
    return this.bytes[this.at++];
  }
}

/** Functions of a wasm binary that declare a v128 local, out of all (binary format §5.5.13). */
export function simdFunctions(bytes: Uint8Array): { functions: number; of: number } {
  const reader = new Reader(bytes, 8); // past the magic number and version
  while (reader.at < bytes.length) {
    const id = reader.byte();
    const size = reader.u32();
    if (id !== CODE_SECTION) {
      reader.at += size;
      continue;
    }
    const count = reader.u32();
    let functions = 0;
    for (let f = 0; f < count; f++) {
      const bodySize = reader.u32();
      const end = reader.at + bodySize;
      let vector = false;
      for (let groups = reader.u32(); groups > 0; groups--) {
        reader.u32(); // how many locals of the type
        if (reader.byte() === V128) vector = true;
      }
      if (vector) functions++;
      reader.at = end;
    }
    return { functions, of: count };
  }
  return { functions: 0, of: 0 };
}

export async function wasmFeatures(): Promise<WasmFeatures> {
  const sharedArrayBuffer = typeof SharedArrayBuffer === "function";
  const atomics = typeof Atomics === "object";
  const { memory } = await loadWasmInstance();
  return {
    simd: { supported: WebAssembly.validate(SIMD_PROBE), ...simdFunctions(await readFile(WASM_URL)) },
    threads: {
      supported: sharedArrayBuffer && atomics && WebAssembly.validate(THREADS_PROBE),
      sharedArrayBuffer, atomics,
      sharedMemory: sharedArrayBuffer && memory.buffer instanceof SharedArrayBuffer,
    },
  };
}
