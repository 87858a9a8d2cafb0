// The typed surface of build/parzc.wasm. Pointers are byte offsets into wasm memory; values are f32,
// or f64 in the F64 twins declared at the end.
// Each kernel family documents its layout in assembly/<family>.ts.
export interface KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;

  // gemm.ts: row-major C = alpha·op(A)·op(B) + beta·C.
  sgemm(transA: number, transB: number, M: number, N: number, K: number, alpha: number, A: number, lda: number, B: number, ldb: number, beta: number, C: number, ldc: number): void;

  // conv.ts: CNHW activations, OIHW weights.
  im2col(x: number, C: number, N: number, H: number, W: number, k: number, stride: number, pad: number, Ho: number, Wo: number, col: number): void;
  col2im(col: number, C: number, N: number, H: number, W: number, k: number, stride: number, pad: number, Ho: number, Wo: number, dx: number): void;
  conv2dForward(x: number, w: number, C: number, N: number, H: number, W: number, O: number, k: number, stride: number, pad: number, y: number, scratch: number): void;
  conv2dBackward(x: number, w: number, dy: number, C: number, N: number, H: number, W: number, O: number, k: number, stride: number, pad: number, dx: number, dw: number, scratch: number): void;

  // winograd.ts: 3×3, stride-1, pad-1 convs by Winograd F(4×4, 3×3); scratch is winogradScratchFloats(C, N, H, W, O) values.
  winogradScratchFloats(C: number, N: number, H: number, W: number, O: number): number;
  winogradConv3x3Forward(x: number, w: number, C: number, N: number, H: number, W: number, O: number, y: number, scratch: number): void;
  winogradConv3x3Backward(x: number, w: number, dy: number, C: number, N: number, H: number, W: number, O: number, dx: number, dw: number, scratch: number): void;

  // batchnorm.ts: train mode, channel-major [C][P].
  batchNormForward(x: number, gamma: number, beta: number, C: number, P: number, eps: number, y: number, mean: number, invStd: number): void;
  batchNormBackward(x: number, dy: number, gamma: number, mean: number, invStd: number, C: number, P: number, dx: number, dgamma: number, dbeta: number): void;

  // pool.ts: `planes` contiguous H×W planes; the 3×3 pool needs W ≤ 4096 (callers must check).
  avgPool3x3Forward(x: number, planes: number, H: number, W: number, y: number): void;
  avgPool3x3Backward(dy: number, planes: number, H: number, W: number, dx: number): void;
  avgPool2x2Forward(x: number, planes: number, H: number, W: number, y: number): void;
  avgPool2x2Backward(dy: number, planes: number, H: number, W: number, dx: number): void;
  globalAvgPoolForward(x: number, planes: number, HW: number, y: number): void;
  globalAvgPoolBackward(dy: number, planes: number, HW: number, dx: number): void;

  // maxPool.ts: `planes` contiguous H×W planes; the 3×3 pool needs W ≤ 4096, the 2×2 even H, W (callers check).
  // The backward reads the saved input x and accumulates dy at each window's first maximum (PyTorch's ties).
  maxPool3x3Forward(x: number, planes: number, H: number, W: number, y: number): void;
  maxPool3x3Backward(x: number, dy: number, planes: number, H: number, W: number, dx: number): void;
  maxPool2x2Forward(x: number, planes: number, H: number, W: number, y: number): void;
  maxPool2x2Backward(x: number, dy: number, planes: number, H: number, W: number, dx: number): void;

  // channels.ts: n contiguous values.
  copy(x: number, n: number, y: number): void;

  // elementwise.ts: n contiguous values.
  reluForward(x: number, n: number, y: number): void;
  reluBackward(x: number, dy: number, n: number, dx: number): void;
  add(a: number, b: number, n: number, y: number): void;
  accumulate(x: number, n: number, y: number): void;
  scale(x: number, n: number, s: number, y: number): void;
  axpy(n: number, a: number, x: number, y: number): void;
  fill(y: number, n: number, v: number): void;
  mul(a: number, b: number, n: number, y: number): void;
  transpose(x: number, rows: number, cols: number, y: number): void;
  biasAddRows(y: number, rows: number, cols: number, b: number): void;
  sumRows(dy: number, rows: number, cols: number, db: number): void;

  // loss.ts: logits [N×K] row-major, labels i32[N].
  softmaxCrossEntropyForward(logits: number, labels: number, N: number, K: number, probs: number): number;
  softmaxCrossEntropyBackward(probs: number, labels: number, N: number, K: number, dloss: number, dlogits: number): void;

  // reduce.ts: f64 results.
  sum(x: number, n: number): number;
  sumAbs(x: number, n: number): number;
  sumSquares(x: number, n: number): number;
  dot(a: number, b: number, n: number): number;
  sumProduct(a: number, b: number, n: number): number;
  sumAbsProduct(a: number, b: number, n: number): number;

  // seededInit.ts: `count` seeded weights at dst from the mulberry32 stream at `state` (Random's
  // draws bit for bit, rounded to float32); each returns the stream's new state (as an int32).
  fillNormal(dst: number, count: number, state: number, std: number): number;
  fillSymmetric(dst: number, count: number, state: number, bound: number): number;

  // codes.ts: NASWOT sign codes; x channel-major [C][N][HW], codes N rows of C·ceil(HW/64) u64, K f64 [N×N].
  packSigns(x: number, C: number, N: number, HW: number, codes: number): void;
  signAgreement(codes: number, N: number, words: number, bits: number, weight: number, K: number): void;
}

/** The kernels' names: every export but the memory and its base. */
export type KernelName = Exclude<keyof KernelExports, "memory" | "heapBase">;

/**
 * The float64 twins: each kernel's name + F64, with the same argument list (scalars such as alpha,
 * beta, eps, dloss, s, a and v are f64 there; pointers, sizes and labels are unchanged).
 */
export type KernelExportsF64 = { [K in KernelName as `${K}F64`]: KernelExports[K] };

/** Everything build/parzc.wasm exports. */
export type WasmExports = KernelExports & KernelExportsF64;

/**
 * The model's kernels (src/model/), kept out of KernelExports so the CNN backends need not carry
 * them: src/model/kernels.ts reaches them on an engine's kernels and names a backend that lacks one.
 * Each has an F64 twin with the same arguments (alpha, eps, dloss, lr… f64 there).
 */
export interface ModelKernelExports {
  // layernorm.ts: row-major [rows×cols], normalised over cols.
  layerNormForward(x: number, gamma: number, beta: number, rows: number, cols: number, eps: number, y: number, mean: number, invStd: number): void;
  layerNormBackward(x: number, dy: number, gamma: number, mean: number, invStd: number, rows: number, cols: number, dx: number, dgamma: number, dbeta: number): void;
  // gelu.ts: tanh-form GELU over n values; the forward keeps the gate s for the backward (s = 0: not kept).
  geluForward(x: number, n: number, y: number, s: number): void;
  geluBackward(x: number, s: number, dy: number, n: number, dx: number): void;
  // diffkendall.ts: predictions x[n], targets y[n], scratch[2n].
  diffKendallForward(x: number, y: number, n: number, alpha: number, scratch: number): number;
  diffKendallBackward(x: number, y: number, n: number, alpha: number, dloss: number, dx: number, scratch: number): void;
  // adam.ts: one step over n flat values; t is 1-based.
  adamStep(p: number, g: number, m: number, v: number, n: number, lr: number, beta1: number, beta2: number, eps: number, weightDecay: number, decoupled: number, t: number): void;
}
