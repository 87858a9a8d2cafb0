// One wasm module: every kernel family re-exported from its own file.
// Memory contract: the host owns linear memory above heapBase(); kernels take byte
// pointers and sizes, write only where their doc line says, and allocate nothing.
export { heapBase } from "./memory";
export { sgemm } from "./gemm";
export { im2col, col2im, conv2dForward, conv2dBackward } from "./conv";
export { batchNormForward, batchNormBackward } from "./batchnorm";
export { avgPool3x3Forward, avgPool3x3Backward, avgPool2x2Forward, avgPool2x2Backward, globalAvgPoolForward, globalAvgPoolBackward } from "./pool";
export { reluForward, reluBackward, add, accumulate, scale, axpy, fill, mul, transpose, biasAddRows, sumRows } from "./elementwise";
export { softmaxCrossEntropyForward, softmaxCrossEntropyBackward } from "./loss";
// sumProduct is dot under the name the proxies use.
export { sum, sumAbs, sumSquares, dot, dot as sumProduct, sumAbsProduct } from "./reduce";
