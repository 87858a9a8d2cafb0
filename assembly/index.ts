// One wasm module: every kernel family re-exported from its own file.
// Memory contract: the host owns linear memory above heapBase(); kernels take byte
// pointers and sizes, write only where their doc line says, and allocate nothing.
export { heapBase } from "./memory";
