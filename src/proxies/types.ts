// What a proxy is: a name, what it needs, and a function from a ProxyContext to per-node
// values (one per Conv/Linear weight, module order) and an aggregate score.
import type { ProxyContext } from "./context.js";

export interface ProxyOutput {
  /** One value per Conv/Linear weight in module order; absent for whole-network proxies (jacov, nwot, …). */
  nodes?: Float64Array;
  /** The aggregate score; NaN or ±Infinity where the proxy is undefined (e.g. degenerate networks). */
  score: number;
}

export interface ProxyNeeds {
  /** Real images (false: none, or only the input shape). */
  data: boolean;
  labels: boolean;
  /** How BN runs: train-mode batch statistics, or replaced by the identity. */
  batchNorm: "train" | "off";
  precision: "f32" | "f64";
  /** What it reads of the shared train-mode forward on the batch (ProxyContext), so a run computes that forward once. */
  shares?: SharedProduct;
}

/** The cross-entropy gradients, the input Jacobian of Σ logits, NASWOT's ReLU-code kernel. */
export type SharedProduct = "lossGradients" | "inputJacobian" | "reluKernel";

/**
 * How the score follows from the node values: "sum" (Σ node, e.g. grad_norm's norms),
 * "size-weighted" (Σ node·|W|, where node is the mean of a per-weight score, e.g. snip), or
 * "none" (a whole-network quantity such as jacov or params).
 */
export type NodeReduction = "sum" | "size-weighted" | "none";

export interface ProxyDefinition {
  name: string;
  /** The paper and reference implementation it follows. */
  source: string;
  needs: ProxyNeeds;
  reduction: NodeReduction;
  compute(context: ProxyContext): ProxyOutput | Promise<ProxyOutput>;
}
