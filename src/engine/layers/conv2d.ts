import type { Engine } from "../engine.js";
import { conv2d } from "../ops/conv2d.js";
import { Parameter, type Tensor } from "../tensor.js";

/** Conv2d without bias (every conv in NB201 is bias-free), PyTorch default init. */
export class Conv2d {
  readonly kind = "conv2d";
  readonly weight: Parameter;

  constructor(
    name: string,
    readonly inChannels: number,
    readonly outChannels: number,
    readonly kernel: number,
    readonly stride = 1,
    readonly pad = 0,
  ) {
    this.weight = new Parameter(`${name}.weight`, [outChannels, inChannels, kernel, kernel], {
      kind: "uniform",
      fanIn: inChannels * kernel * kernel,
    });
  }

  parameters(): Parameter[] {
    return [this.weight];
  }

  forward(engine: Engine, x: Tensor): Tensor {
    const y = conv2d(engine, x, this.weight, { stride: this.stride, pad: this.pad });
    engine.observer?.nodeOutput?.(this, y);
    return y;
  }
}
