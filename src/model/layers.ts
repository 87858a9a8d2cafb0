// The model's layers on row-major 2-D tensors [rows, features]. Each declares its parameters in a
// ParameterSet (or a prefixed view of one) when built and runs its forward through the ops in ./ops and ../engine/ops.
import type { Parameter, Tensor } from "../engine/tensor.js";
import type { Random } from "../util/random.js";
import { fillNormal } from "./noise.js";
import { reparameterise } from "./ops/bayesian.js";
import { gelu } from "./ops/gelu.js";
import { layerNorm } from "./ops/layerNorm.js";
import { linearRows } from "./ops/linear.js";
import type { ParameterDeclarer } from "./parameters.js";
import type { Runtime } from "./runtime.js";

/** torch.nn.Linear: kaiming_uniform(a=√5) weights and uniform bias, both in ±1/√fan_in. */
export class Dense {
  readonly weight: Parameter;
  readonly bias: Parameter | undefined;

  constructor(params: ParameterDeclarer, name: string, readonly inFeatures: number, readonly outFeatures: number, bias = true) {
    const bound = 1 / Math.sqrt(inFeatures);
    this.weight = params.add(`${name}.weight`, [outFeatures, inFeatures], { kind: "uniform", bound });
    this.bias = bias ? params.add(`${name}.bias`, [outFeatures], { kind: "uniform", bound }) : undefined;
  }

  forward(rt: Runtime, x: Tensor): Tensor {
    return linearRows(rt, x, this.weight, this.bias);
  }
}

/**
 * PicoNAS BayesianLinear: W = μ + softplus(ρ)·ε with μ kaiming-uniform (a=√5), ρ = rhoInit
 * (−5: σ ≈ 0.0067), no bias and no KL term. ε is held by the layer and redrawn by resample(),
 * which the model calls before every forward; between calls it is fixed (for tests and for
 * predict's K consistent weight samples).
 */
export class BayesianDense {
  readonly mu: Parameter;
  readonly rho: Parameter;
  readonly eps: Float64Array;

  constructor(params: ParameterDeclarer, name: string, readonly inFeatures: number, readonly outFeatures: number, rhoInit: number) {
    this.mu = params.add(`${name}.mu`, [outFeatures, inFeatures], { kind: "uniform", bound: 1 / Math.sqrt(inFeatures) });
    this.rho = params.add(`${name}.rho`, [outFeatures, inFeatures], { kind: "constant", value: rhoInit });
    this.eps = new Float64Array(outFeatures * inFeatures);
  }

  resample(random: Random): void {
    fillNormal(random, this.eps);
  }

  forward(rt: Runtime, x: Tensor): Tensor {
    return linearRows(rt, x, reparameterise(rt, this.mu, this.rho, this.eps));
  }
}

export class LayerNorm {
  readonly gamma: Parameter;
  readonly beta: Parameter;

  constructor(params: ParameterDeclarer, name: string, features: number, readonly eps = 1e-5) {
    this.gamma = params.add(`${name}.weight`, [features], { kind: "constant", value: 1 });
    this.beta = params.add(`${name}.bias`, [features], { kind: "constant", value: 0 });
  }

  forward(rt: Runtime, x: Tensor): Tensor {
    return layerNorm(rt, x, this.gamma, this.beta, this.eps);
  }
}

/** Linear → GELU → Linear (MLP-Mixer's MlpBlock; dropout 0 as in ParZC's NB201 encoder). */
export class FeedForward {
  readonly expand: Dense;
  readonly contract: Dense;

  constructor(params: ParameterDeclarer, name: string, features: number, hidden: number) {
    this.expand = new Dense(params, `${name}.0`, features, hidden);
    this.contract = new Dense(params, `${name}.1`, hidden, features);
  }

  forward(rt: Runtime, x: Tensor): Tensor {
    return this.contract.forward(rt, gelu(rt, this.expand.forward(rt, x)));
  }
}
