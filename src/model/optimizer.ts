// Adam with weight decay (torch.optim.Adam's L2 form by default, AdamW's decoupled form on request)
// over a ParameterSet's flat block: one assembly/adam.ts call per step. The learning rate follows
// CosineAnnealingLR(T_max = epochs, eta_min = 0), stepped once per epoch as in PicoNAS's runner.
import type { ParameterSet } from "./parameters.js";
import type { Runtime } from "./runtime.js";

export interface AdamOptions {
  lr: number;
  weightDecay: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  /** AdamW: decay the weights directly instead of adding wd·p to the gradient. */
  decoupled?: boolean;
}

export class Adam {
  private readonly moment1: number;
  private readonly moment2: number;
  private steps = 0;

  constructor(private readonly rt: Runtime, private readonly params: ParameterSet, private readonly options: AdamOptions) {
    const bytes = params.size * rt.engine.elementBytes;
    this.moment1 = rt.engine.arena.allocZeroed(bytes);
    this.moment2 = rt.engine.arena.allocZeroed(bytes);
  }

  /** One update from the gradients in the parameter set's gradient block. */
  step(lr: number = this.options.lr): void {
    const { beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weightDecay, decoupled = false } = this.options;
    this.steps++;
    this.rt.kernels.adamStep(this.params.valuesPtr, this.params.gradsPtr, this.moment1, this.moment2, this.params.size,
      lr, beta1, beta2, eps, weightDecay, decoupled ? 1 : 0, this.steps);
  }
}

/** The learning rate in `epoch` (0-based) of `epochs`: base·(1 + cos(π·epoch/epochs))/2. */
export function cosineLearningRate(base: number, epoch: number, epochs: number): number {
  return (base * (1 + Math.cos((Math.PI * epoch) / epochs))) / 2;
}
