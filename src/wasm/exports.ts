// The typed surface of build/parzc.wasm. Pointers are byte offsets into wasm memory.
// Each kernel family documents its layout in assembly/<family>.ts.
export interface KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
}
