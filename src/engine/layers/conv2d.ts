import type { Engine } from "../engine.js";
import { conv2d } from "../ops/conv2d.js";
import { Parameter, type Tensor } from "../tensor.js";

/**
 * How a Conv2d's weight is drawn: PyTorch's default, or He-normal with fan-out,
 * N(0, 2/(k·k·C_out)) (archai's NB101: kaiming_normal_(mode="fan_out")).
 */
export type ConvInit = "pytorch" | "heNormalFanOut";

/** Conv2d without bias (every conv in NB201 and NB101 is bias-free). */
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
    init: ConvInit = "pytorch",
  ) {
    this.weight = new Parameter(
      `${name}.weight`,
      [outChannels, inChannels, kernel, kernel],
      init === "pytorch"
        ? { kind: "uniform", fanIn: inChannels * kernel * kernel }
        : { kind: "normal", std: Math.sqrt(2 / (kernel * kernel * outChannels)) },
    );
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
