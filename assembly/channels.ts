// Channel concat on channel-major [C, N, H, W] activations: each input's channel block is one
// contiguous run, so the concat is one copy per input (and truncation is a prefix, no kernel).
// memory.copy is the bulk-memory instruction: the engine's memmove, faster than a v128 loop.
import { at } from "./lanes";

/** Called by the engine's channel concat: reads x[n], writes y[n] = x. */
function copyOf<T>(x: usize, n: i32, y: usize): void {
  memory.copy(y, x, at<T>(n));
}
export function copy(x: usize, n: i32, y: usize): void {
  copyOf<f32>(x, n, y);
}
export function copyF64(x: usize, n: i32, y: usize): void {
  copyOf<f64>(x, n, y);
}
