// The input Jacobian behind jacov and epe_nas (Mellor et al. v1; NASLib `jacov.py`, `epe_nas.py`):
// J = ∂(Σ_{n,k} logits)/∂x on a fresh train-mode network, one row of C·H·W values per sample.
// With train-mode BN a row also carries cross-sample terms, exactly as in the references.
// Computed once per ProxyContext, so both proxies share one backward pass.
import { fromBatchMajor, toBatchMajor } from "../engine/ops/layout.js";
import type { ProxyContext } from "./context.js";

export interface InputJacobian {
  /** samples × width, row-major, NCHW order within a row (float64 copies of the f32 gradient). */
  rows: Float64Array;
  samples: number;
  width: number;
  /** The logit width (the network's classes). */
  classes: number;
}

const computed = new WeakMap<ProxyContext, InputJacobian>();

export function inputJacobian(context: ProxyContext): InputJacobian {
  let jacobian = computed.get(context);
  if (!jacobian) {
    jacobian = backpropagateLogits(context);
    computed.set(context, jacobian);
  }
  return jacobian;
}

function backpropagateLogits(context: ProxyContext): InputJacobian {
  const engine = context.engine;
  const net = context.network(engine);
  const { x, shape } = context.inputs.batch;
  return engine.withPass(() => {
    const input = fromBatchMajor(engine, x, shape, true);
    engine.backwardFrom(net.forward(engine, input), 1);
    const rows = toBatchMajor(engine.readGrad(input), input.shape);
    return { rows, samples: shape[0], width: rows.length / shape[0], classes: net.config.classes };
  });
}
