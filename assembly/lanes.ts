// What the generic kernels need to know about their element type T (f32 or f64): lane counts,
// byte offsets, and the few shuffles whose lane patterns differ by type. Every branch on
// sizeof<T>() is a compile-time constant, so each instantiation keeps only its own code.

/** Values of T in one v128: 4 for f32, 2 for f64. */
@inline
export function lanes<T>(): i32 {
  return 16 / sizeof<T>();
}

/** Byte offset of element i. */
@inline
export function at<T>(i: i32): usize {
  return <usize>i << alignof<T>();
}

/** The first half of a's lanes interleaved with b's: [a0, b0, a1, b1] or [a0, b0]. */
@inline
export function zipLow<T>(a: v128, b: v128): v128 {
  if (sizeof<T>() == 4) return v128.shuffle<f32>(a, b, 0, 4, 1, 5);
  return v128.shuffle<f64>(a, b, 0, 2);
}

/** The second half of a's lanes interleaved with b's: [a2, b2, a3, b3] or [a1, b1]. */
@inline
export function zipHigh<T>(a: v128, b: v128): v128 {
  if (sizeof<T>() == 4) return v128.shuffle<f32>(a, b, 2, 6, 3, 7);
  return v128.shuffle<f64>(a, b, 1, 3);
}

/** The even lanes of the pair a:b: [a0, a2, b0, b2] or [a0, b0]. */
@inline
export function evenLanes<T>(a: v128, b: v128): v128 {
  if (sizeof<T>() == 4) return v128.shuffle<f32>(a, b, 0, 2, 4, 6);
  return v128.shuffle<f64>(a, b, 0, 2);
}

/** The odd lanes of the pair a:b: [a1, a3, b1, b3] or [a1, b1]. */
@inline
export function oddLanes<T>(a: v128, b: v128): v128 {
  if (sizeof<T>() == 4) return v128.shuffle<f32>(a, b, 1, 3, 5, 7);
  return v128.shuffle<f64>(a, b, 1, 3);
}

/**
 * Transposes a lanes×lanes block (4×4 f32 or 2×2 f64) whose rows start srcStride bytes apart
 * into rows dstStride bytes apart. Shared by transpose() and by the gemm panel packing.
 */
@inline
export function transposeBlock<T>(src: usize, srcStride: usize, dst: usize, dstStride: usize): void {
  const r0 = v128.load(src);
  const r1 = v128.load(src + srcStride);
  if (sizeof<T>() == 8) {
    v128.store(dst, zipLow<f64>(r0, r1));
    v128.store(dst + dstStride, zipHigh<f64>(r0, r1));
    return;
  }
  const r2 = v128.load(src + 2 * srcStride);
  const r3 = v128.load(src + 3 * srcStride);
  // Interleave 32-bit lanes, then 64-bit pairs of them.
  const lo01 = zipLow<f32>(r0, r1), lo23 = zipLow<f32>(r2, r3);
  const hi01 = zipHigh<f32>(r0, r1), hi23 = zipHigh<f32>(r2, r3);
  v128.store(dst, zipLow<f64>(lo01, lo23));
  v128.store(dst + dstStride, zipHigh<f64>(lo01, lo23));
  v128.store(dst + 2 * dstStride, zipLow<f64>(hi01, hi23));
  v128.store(dst + 3 * dstStride, zipHigh<f64>(hi01, hi23));
}
