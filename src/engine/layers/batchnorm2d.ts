import type { Engine } from "../engine.js";
import { batchNorm2d } from "../ops/batchnorm.js";
import { Parameter, type Tensor } from "../tensor.js";

/** Affine BatchNorm2d in train mode, with PyTorch's running-statistics update. */
export class BatchNorm2d {
  readonly kind = "batchnorm2d";
  readonly gamma: Parameter;
  readonly beta: Parameter;
  readonly runningMean: Float64Array;
  readonly runningVar: Float64Array;
  /** Off = identity, as NASLib's synflow strips BN. */
  enabled = true;

  constructor(
    name: string,
    readonly channels: number,
    readonly momentum = 0.1,
    readonly eps = 1e-5,
  ) {
    this.gamma = new Parameter(`${name}.weight`, [channels], { kind: "ones" });
    this.beta = new Parameter(`${name}.bias`, [channels], { kind: "zeros" });
    this.runningMean = new Float64Array(channels);
    this.runningVar = new Float64Array(channels).fill(1);
  }

  parameters(): Parameter[] {
    return [this.gamma, this.beta];
  }

  resetRunningStats(): void {
    this.runningMean.fill(0);
    this.runningVar.fill(1);
  }

  forward(engine: Engine, x: Tensor): Tensor {
    if (!this.enabled) return x;
    const { y, stats } = batchNorm2d(engine, x, this.gamma, this.beta, this.eps);
    // PyTorch keeps the unbiased variance in running_var.
    const unbias = stats.count > 1 ? stats.count / (stats.count - 1) : 1;
    for (let c = 0; c < this.channels; c++) {
      this.runningMean[c] = (1 - this.momentum) * this.runningMean[c] + this.momentum * stats.mean[c];
      this.runningVar[c] = (1 - this.momentum) * this.runningVar[c] + this.momentum * stats.variance[c] * unbias;
    }
    return y;
  }
}
