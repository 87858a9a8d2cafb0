// Wasm buffers of random values for the kernel benches (bench/kernels.ts, bench/kernelRates.ts).
import type { Random } from "../src/util/random.js";
import type { Arena } from "../src/wasm/arena.js";

/** A function giving a wasm buffer of n random values in [−1, 1), f32 or (bytes = 8) f64. */
export function randomBuffers(arena: Arena, random: Random): (n: number, bytes?: 4 | 8) => number {
  return (n, bytes = 4) => {
    const at = arena.alloc(n * bytes);
    const view = bytes === 4 ? arena.f32(at, n) : arena.f64(at, n);
    for (let i = 0; i < n; i++) view[i] = random.symmetric(1);
    return at;
  };
}
