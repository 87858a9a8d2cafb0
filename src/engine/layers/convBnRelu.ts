import type { Engine } from "../engine.js";
import { relu } from "../ops/relu.js";
import type { Parameter, Tensor } from "../tensor.js";
import { BatchNorm2d } from "./batchnorm2d.js";
import { Conv2d, type ConvInit } from "./conv2d.js";

/** Conv → BN → ReLU, archai's NB101 `ConvBnRelu` (stem, vertex convs, projections); "same" padding. */
export class ConvBnRelu {
  readonly conv: Conv2d;
  readonly bn: BatchNorm2d;

  constructor(name: string, inChannels: number, outChannels: number, kernel: number, init: ConvInit = "pytorch") {
    this.conv = new Conv2d(`${name}.conv_bn_relu.0`, inChannels, outChannels, kernel, 1, (kernel - 1) / 2, init);
    this.bn = new BatchNorm2d(`${name}.conv_bn_relu.1`, outChannels);
  }

  parameters(): Parameter[] {
    return [...this.conv.parameters(), ...this.bn.parameters()];
  }

  forward(engine: Engine, x: Tensor): Tensor {
    return relu(engine, this.bn.forward(engine, this.conv.forward(engine, x)));
  }
}
