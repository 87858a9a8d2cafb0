// One wasm module: every kernel family re-exported from its own file. Each kernel is written once,
// generic over its element type, and exported as f32 (the plain name) and f64 (name + F64).
// Memory contract: the host owns linear memory above heapBase(); kernels take byte
// pointers and sizes, write only where their doc line says, and allocate nothing.
export { heapBase } from "./memory";
export { sgemm, sgemmF64 } from "./gemm";
export { im2col, col2im, conv2dForward, conv2dBackward, im2colF64, col2imF64, conv2dForwardF64, conv2dBackwardF64 } from "./conv";
export { batchNormForward, batchNormBackward, batchNormForwardF64, batchNormBackwardF64 } from "./batchnorm";
export { avgPool3x3Forward, avgPool3x3Backward, avgPool2x2Forward, avgPool2x2Backward, globalAvgPoolForward, globalAvgPoolBackward } from "./pool";
export { avgPool3x3ForwardF64, avgPool3x3BackwardF64, avgPool2x2ForwardF64, avgPool2x2BackwardF64, globalAvgPoolForwardF64, globalAvgPoolBackwardF64 } from "./pool";
export { maxPool3x3Forward, maxPool3x3Backward, maxPool2x2Forward, maxPool2x2Backward } from "./maxPool";
export { maxPool3x3ForwardF64, maxPool3x3BackwardF64, maxPool2x2ForwardF64, maxPool2x2BackwardF64 } from "./maxPool";
export { copy, copyF64 } from "./channels";
export { reluForward, reluBackward, add, accumulate, scale, axpy, fill, mul, transpose, biasAddRows, sumRows } from "./elementwise";
export { reluForwardF64, reluBackwardF64, addF64, accumulateF64, scaleF64, axpyF64, fillF64, mulF64, transposeF64, biasAddRowsF64, sumRowsF64 } from "./elementwise";
export { softmaxCrossEntropyForward, softmaxCrossEntropyBackward, softmaxCrossEntropyForwardF64, softmaxCrossEntropyBackwardF64 } from "./loss";
// sumProduct is dot under the name the proxies use.
export { sum, sumAbs, sumSquares, dot, dot as sumProduct, sumAbsProduct } from "./reduce";
export { sumF64, sumAbsF64, sumSquaresF64, dotF64, dotF64 as sumProductF64, sumAbsProductF64 } from "./reduce";
// signAgreement reads u64 codes and an f64 matrix whatever the element type, so its F64 twin is itself.
export { packSigns, packSignsF64, signAgreement, signAgreement as signAgreementF64 } from "./codes";
export { winogradScratchFloats, winogradConv3x3Forward, winogradConv3x3Backward, winogradScratchFloatsF64, winogradConv3x3ForwardF64, winogradConv3x3BackwardF64 } from "./winograd";
// The model's kernels (MABN, its losses and optimiser).
export { layerNormForward, layerNormBackward, layerNormForwardF64, layerNormBackwardF64 } from "./layernorm";
export { geluForward, geluBackward, geluForwardF64, geluBackwardF64 } from "./gelu";
export { diffKendallForward, diffKendallBackward, diffKendallForwardF64, diffKendallBackwardF64 } from "./diffkendall";
export { adamStep, adamStepF64 } from "./adam";
// Seeded weight initialisation (src/util/random.ts's draws, bit for bit).
export { fillNormal, fillNormalF64, fillSymmetric, fillSymmetricF64 } from "./seededInit";
