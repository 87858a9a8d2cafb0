// Loads build/parzc.wasm: compiled once, instantiated once per thread (plus any instance asked
// for separately). Node reads it from disk; a browser streams it: the first instance comes from
// WebAssembly.instantiateStreaming (compiling while the bytes arrive), later ones reuse its module.
// Both paths resolve the file relative to this module, so the same code works from src/ (tsx),
// dist/ (compiled) and dist/web/ (the browser bundle, tools/build-web.ts), which sit at one depth.
import type { WasmExports } from "./exports.js";

export interface WasmCore {
  exports: WasmExports;
  memory: WebAssembly.Memory;
}

const wasmUrl = new URL("../../build/parzc.wasm", import.meta.url);
/** In a variable, so a browser bundler leaves the Node-only import alone. */
const NODE_FS = "node:fs/promises";
let compiled: Promise<WebAssembly.Module> | undefined;
let cached: Promise<WasmCore> | undefined;

const imports: WebAssembly.Imports = {
  env: {
    abort(_message: number, _file: number, line: number, column: number): never {
      throw new Error(`parzc wasm kernel aborted at line ${line}:${column}`);
    },
  },
};

async function readFromDisk(): Promise<Uint8Array<ArrayBuffer>> {
  const { readFile } = (await import(NODE_FS)) as typeof import("node:fs/promises");
  try {
    return await readFile(wasmUrl);
  } catch {
    throw new Error(`parzc: ${wasmUrl.pathname} is missing. Build it with \`npm run build:wasm\`.`);
  }
}

async function fetchWasm(): Promise<Response> {
  const response = await fetch(wasmUrl);
  if (!response.ok) {
    throw new Error(`parzc: fetching ${wasmUrl.href} gave HTTP ${response.status}. Build it with \`npm run build:wasm\` and serve build/parzc.wasm beside the bundle's ../../ (as application/wasm).`);
  }
  return response;
}

/** The first instance, with the module it was compiled from. */
async function instantiateFirst(): Promise<WebAssembly.WebAssemblyInstantiatedSource> {
  if (typeof process !== "undefined" && process.versions?.node && wasmUrl.protocol === "file:") {
    return WebAssembly.instantiate(await readFromDisk(), imports);
  }
  return WebAssembly.instantiateStreaming(fetchWasm(), imports);
}

/**
 * A new instance with a memory of its own, for a second engine on this thread (the float64 one):
 * two arenas on one memory would hand out the same bytes. The module is compiled once.
 */
export async function loadWasmInstance(): Promise<WasmCore> {
  let instance: WebAssembly.Instance;
  if (compiled) {
    instance = await WebAssembly.instantiate(await compiled, imports);
  } else {
    const first = instantiateFirst();
    compiled = first.then((source) => source.module);
    // The caller sees the failure through `first`; forget it here so a later call can retry.
    compiled.catch(() => (compiled = undefined));
    instance = (await first).instance;
  }
  const exports = instance.exports as unknown as WasmExports;
  return { exports, memory: exports.memory };
}

/** The wasm core for this thread (each worker thread gets its own instance). */
export function loadWasm(): Promise<WasmCore> {
  cached ??= loadWasmInstance();
  return cached;
}
