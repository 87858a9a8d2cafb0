import type { Engine } from "../engine.js";
import { relu } from "../ops/relu.js";
import type { Parameter, Tensor } from "../tensor.js";
import { BatchNorm2d } from "./batchnorm2d.js";
import { Conv2d } from "./conv2d.js";

/** ReLU → Conv → BN, the NB201 `nor_conv` op and each half of the reduction block. */
export class ReluConvBn {
  readonly conv: Conv2d;
  readonly bn: BatchNorm2d;

  constructor(name: string, inChannels: number, outChannels: number, kernel: number, stride: number) {
    this.conv = new Conv2d(`${name}.op.1`, inChannels, outChannels, kernel, stride, (kernel - 1) / 2);
    this.bn = new BatchNorm2d(`${name}.op.2`, outChannels);
  }

  parameters(): Parameter[] {
    return [...this.conv.parameters(), ...this.bn.parameters()];
  }

  /** `activated` lets several convs reading the same node share one ReLU. */
  forward(engine: Engine, x: Tensor, activated?: Tensor): Tensor {
    return this.bn.forward(engine, this.conv.forward(engine, activated ?? relu(engine, x)));
  }
}
