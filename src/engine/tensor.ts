// A tensor is a view of float32 values in wasm memory plus a shape. Activations are
// channel-major: a 4-D shape is [C, N, H, W], so one channel's N·H·W values are
// contiguous (batch-norm and 1×1 convs then need no transposes). `grad` points to a
// same-sized gradient once backward reaches the tensor, 0 before.
import type { Random } from "../util/random.js";
export type Shape = readonly number[];

export class Tensor {
  grad = 0;

  constructor(
    public ptr: number,
    readonly shape: Shape,
    readonly requiresGrad: boolean,
  ) {}

  get size(): number {
    return shapeSize(this.shape);
  }
}

/**
 * How a parameter is initialised (PyTorch's default: Conv/Linear weight and bias uniform
 * ±1/sqrt(fan_in), BN γ=1, β=0). `bias` marks the Linear bias, which Gaussian schemes zero.
 * "normal" is N(0, std²) (archai's NB101: He-normal convs, N(0, 0.01²) classifier).
 */
export type ParameterInit =
  | { kind: "uniform"; fanIn: number; bias?: boolean }
  | { kind: "normal"; std: number }
  | { kind: "ones" }
  | { kind: "zeros" };

/** PyTorch's default initialisation, or Zen-NAS's N(0,1) weights with zero biases. */
export type InitScheme = "pytorch" | "gaussian";

/** A seed to draw the weights from, the stream to go on drawing from, or weights drawn before (copied in parameter order). */
export type WeightSource = number | Random | InitialWeights;

/** Every parameter's values as a seeded draw left them (float32-exact on every backend). */
export interface InitialWeights {
  readonly values: readonly Float32Array[];
}

/** A learnable tensor. Built without memory; `Engine.allocateParameters` places and fills it. */
export class Parameter extends Tensor {
  constructor(
    readonly name: string,
    shape: Shape,
    readonly init: ParameterInit,
  ) {
    super(0, shape, true);
  }
}

export function shapeSize(shape: Shape): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}
