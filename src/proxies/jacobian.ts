// The input Jacobian behind jacov and epe_nas (Mellor et al. v1; NASLib `jacov.py`, `epe_nas.py`):
// J = ∂(Σ_{n,k} logits)/∂x on a fresh train-mode network, one row of C·H·W values per sample.
// With train-mode BN a row also carries cross-sample terms, exactly as in the references.
// Computed once per ProxyContext (ProxyContext.inputJacobian), so both proxies share one backward
// pass, which rides on the cross-entropy pass's forward when the run has one.
import type { Engine } from "../engine/engine.js";
import { fromBatchMajor, toBatchMajor } from "../engine/ops/layout.js";
import type { Tensor } from "../engine/tensor.js";
import type { ProxyContext } from "./context.js";

export interface InputJacobian {
  /** samples × width, row-major, NCHW order within a row (float64 copies of the f32 gradient). */
  rows: Float64Array;
  samples: number;
  width: number;
  /** The logit width (the network's classes). */
  classes: number;
}

export function inputJacobian(context: ProxyContext): InputJacobian {
  return context.inputJacobian();
}

/** The rows from the input's gradient, after a backward from the logits seeded with 1. */
export function jacobianRows(engine: Engine, input: Tensor, classes: number): InputJacobian {
  const rows = toBatchMajor(engine.readGrad(input), input.shape);
  const samples = input.shape[1];
  return { rows, samples, width: rows.length / samples, classes };
}

/** Its own forward and backward, for a run without the cross-entropy pass. */
export function standaloneJacobian(context: ProxyContext): InputJacobian {
  const engine = context.engine;
  const net = context.network(engine);
  const { x, shape } = context.inputs.batch;
  return engine.withPass(() => {
    const input = fromBatchMajor(engine, x, shape, true);
    engine.backwardFrom(net.forward(engine, input), 1);
    return jacobianRows(engine, input, net.classes);
  });
}
