// Loads build/parzc.wasm: compiled once, instantiated once per thread (plus any instance asked
// for separately). Node reads it from disk; a browser fetches it with compileStreaming. Both paths
// resolve the file relative to this module, so the same code works from src/ (tsx) and dist/
// (compiled), which sit at the same depth.
import type { WasmExports } from "./exports.js";

export interface WasmCore {
  exports: WasmExports;
  memory: WebAssembly.Memory;
}

const wasmUrl = new URL("../../build/parzc.wasm", import.meta.url);
let compiled: Promise<WebAssembly.Module> | undefined;
let cached: Promise<WasmCore> | undefined;

const imports: WebAssembly.Imports = {
  env: {
    abort(_message: number, _file: number, line: number, column: number): never {
      throw new Error(`parzc wasm kernel aborted at line ${line}:${column}`);
    },
  },
};

async function compile(): Promise<WebAssembly.Module> {
  if (typeof process !== "undefined" && process.versions?.node && wasmUrl.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await readFile(wasmUrl);
    } catch {
      throw new Error(`parzc: ${wasmUrl.pathname} is missing. Build it with \`npm run build:wasm\`.`);
    }
    return WebAssembly.compile(bytes);
  }
  return WebAssembly.compileStreaming(fetch(wasmUrl));
}

/**
 * A new instance with a memory of its own, for a second engine on this thread (the float64 one):
 * two arenas on one memory would hand out the same bytes. The module is compiled once.
 */
export async function loadWasmInstance(): Promise<WasmCore> {
  compiled ??= compile();
  const instance = await WebAssembly.instantiate(await compiled, imports);
  const exports = instance.exports as unknown as WasmExports;
  return { exports, memory: exports.memory };
}

/** The wasm core for this thread (each worker thread gets its own instance). */
export function loadWasm(): Promise<WasmCore> {
  cached ??= loadWasmInstance();
  return cached;
}
