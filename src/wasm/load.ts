// Loads build/parzc.wasm once per thread. Node reads it from disk; a browser fetches it
// with instantiateStreaming. Both paths resolve the file relative to this module, so the
// same code works from src/ (tsx) and dist/ (compiled), which sit at the same depth.
import type { KernelExports } from "./exports.js";

export interface WasmCore {
  exports: KernelExports;
  memory: WebAssembly.Memory;
}

const wasmUrl = new URL("../../build/parzc.wasm", import.meta.url);
let cached: Promise<WasmCore> | undefined;

const imports: WebAssembly.Imports = {
  env: {
    abort(_message: number, _file: number, line: number, column: number): never {
      throw new Error(`parzc wasm kernel aborted at line ${line}:${column}`);
    },
  },
};

async function instantiate(): Promise<WasmCore> {
  let instance: WebAssembly.Instance;
  if (typeof process !== "undefined" && process.versions?.node && wasmUrl.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await readFile(wasmUrl);
    } catch {
      throw new Error(`parzc: ${wasmUrl.pathname} is missing. Build it with \`npm run build:wasm\`.`);
    }
    const module = await WebAssembly.compile(bytes);
    instance = await WebAssembly.instantiate(module, imports);
  } else {
    instance = (await WebAssembly.instantiateStreaming(fetch(wasmUrl), imports)).instance;
  }
  const exports = instance.exports as unknown as KernelExports;
  return { exports, memory: exports.memory };
}

/** The wasm core for this thread (each worker thread gets its own instance). */
export function loadWasm(): Promise<WasmCore> {
  cached ??= instantiate();
  return cached;
}
