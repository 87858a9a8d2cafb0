import type { Engine } from "../engine.js";
import { linear } from "../ops/linear.js";
import { Parameter, type Tensor } from "../tensor.js";

/** Linear with bias, PyTorch default init; takes channel-major features [in, N]. */
export class Linear {
  readonly kind = "linear";
  readonly weight: Parameter;
  readonly bias: Parameter;

  constructor(
    name: string,
    readonly inFeatures: number,
    readonly outFeatures: number,
  ) {
    this.weight = new Parameter(`${name}.weight`, [outFeatures, inFeatures], { kind: "uniform", fanIn: inFeatures });
    this.bias = new Parameter(`${name}.bias`, [outFeatures], { kind: "uniform", fanIn: inFeatures, bias: true });
  }

  parameters(): Parameter[] {
    return [this.weight, this.bias];
  }

  forward(engine: Engine, x: Tensor): Tensor {
    const y = linear(engine, x, this.weight, this.bias);
    engine.observer?.nodeOutput?.(this, y);
    return y;
  }
}
