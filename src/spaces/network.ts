// What every space's network offers the engine and the proxies. Proxies know this interface,
// never a space: the nodes are the Conv2d/Linear weights in module order (one value per node
// in a node-wise statistic), and `parameters()` follows PyTorch's `named_parameters()` order,
// which the seeded initialisation walks, so a network starts from the same weights as its
// PyTorch twin built by the same seed.
import type { Engine } from "../engine/engine.js";
import type { BatchNorm2d } from "../engine/layers/batchnorm2d.js";
import type { Conv2d } from "../engine/layers/conv2d.js";
import type { Linear } from "../engine/layers/linear.js";
import type { InitScheme, Parameter, Tensor, WeightSource } from "../engine/tensor.js";

/** A prunable node: a Conv2d or Linear weight. */
export type NetworkNode = Conv2d | Linear;

export interface SpaceNetwork {
  /** Logits per image. */
  readonly classes: number;
  /** Every parameter in PyTorch `named_parameters()` order. */
  parameters(): Parameter[];
  /** The Conv2d/Linear nodes in module order. */
  nodes(): NetworkNode[];
  /** Spatial side of each node's output for an input of side `inputSide` (1 for a Linear). */
  nodeOutputSides(inputSide: number): number[];
  batchNorms(): BatchNorm2d[];
  parameterCount(): number;
  /** Place the weights in the engine and initialise them from `seed` (the space's own init unless told), or copy weights drawn before. */
  allocate(engine: Engine, seed: WeightSource, scheme?: InitScheme): void;
  /** Turn every BN into the identity (false) or back into train-mode BN (true). */
  setBatchNorm(enabled: boolean): void;
  /** x: channel-major images [3, N, H, W] → the last feature map, before global pooling. */
  features(engine: Engine, x: Tensor): Tensor;
  /** x: channel-major images [3, N, H, W] → logits [N, classes]. */
  forward(engine: Engine, x: Tensor): Tensor;
}
