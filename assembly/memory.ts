// Called by the host arena once at start-up: the first byte it may hand out.
// Everything below it is the module's static data (e.g. gemm packing panels).
export function heapBase(): usize {
  return __heap_base;
}
