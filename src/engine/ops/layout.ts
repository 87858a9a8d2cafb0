// Images arrive batch-major (NCHW, as datasets and PyTorch store them); the engine works
// channel-major (CNHW). Each (n, c) plane is contiguous in both, so this is a block copy.
import type { Engine } from "../engine.js";
import type { Tensor } from "../tensor.js";

export function fromBatchMajor(engine: Engine, images: Float32Array, [N, C, H, W]: readonly number[], requiresGrad = false): Tensor {
  const plane = H * W;
  if (images.length !== N * C * plane) throw new Error(`fromBatchMajor: ${images.length} values do not fill [${N}, ${C}, ${H}, ${W}]`);
  const x = engine.empty([C, N, H, W], requiresGrad);
  const view = engine.view(x);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) view.set(images.subarray((n * C + c) * plane, (n * C + c + 1) * plane), (c * N + n) * plane);
  }
  return x;
}

/** A channel-major buffer (e.g. an input gradient) back to NCHW. */
export function toBatchMajor(values: Float32Array | Float64Array, [C, N, H, W]: readonly number[]): Float64Array {
  const plane = H * W;
  const out = new Float64Array(values.length);
  for (let c = 0; c < C; c++) {
    for (let n = 0; n < N; n++) out.set(values.subarray((c * N + n) * plane, (c * N + n + 1) * plane), (n * C + c) * plane);
  }
  return out;
}
