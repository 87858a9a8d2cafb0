import type { Engine } from "../engine.js";
import { linear } from "../ops/linear.js";
import { Parameter, type Tensor } from "../tensor.js";

/** How a Linear is drawn: PyTorch's default, or weight N(0, 0.01²) and bias 0 (archai's NB101 classifier). */
export type LinearInit = "pytorch" | "normal0.01";

/** Linear with bias; takes channel-major features [in, N]. */
export class Linear {
  readonly kind = "linear";
  readonly weight: Parameter;
  readonly bias: Parameter;

  constructor(
    name: string,
    readonly inFeatures: number,
    readonly outFeatures: number,
    init: LinearInit = "pytorch",
  ) {
    const pytorch = init === "pytorch";
    this.weight = new Parameter(`${name}.weight`, [outFeatures, inFeatures], pytorch ? { kind: "uniform", fanIn: inFeatures } : { kind: "normal", std: 0.01 });
    this.bias = new Parameter(`${name}.bias`, [outFeatures], pytorch ? { kind: "uniform", fanIn: inFeatures, bias: true } : { kind: "zeros" });
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
