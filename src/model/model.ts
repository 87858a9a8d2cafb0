// ParZC's predictor. MABN (parzc-method.md §2.2): the encoded node vector is projected to S values,
// cut into S/P segments of P, embedded by a Bayesian linear layer, mixed by `depth` pre-norm
// residual blocks (token mixing across segments, then channel mixing; or the authors' two channel
// MLPs), normalised, mean-pooled over segments and read out by a Bayesian head. With the
// architecture encoder (§2.3) the head emits one d-vector per cell token (NB201: its edges; NB101:
// its vertices), added to the tokens' op embeddings before a small graph network reads out the
// score. The ablations of §2.4 share the rest.
import { relu } from "../engine/ops/relu.js";
import { addAll } from "../engine/ops/add.js";
import type { Parameter, Tensor } from "../engine/tensor.js";
import type { AnySpace } from "../spaces/index.js";
import { InputError } from "../util/errors.js";
import type { Random } from "../util/random.js";
import { type ArchEncoderConfig, type ModelConfig, segmentCount } from "./config.js";
import { BayesianDense, Dense, FeedForward, LayerNorm } from "./layers.js";
import { gelu } from "./ops/gelu.js";
import { addBroadcast, graphPropagate, meanGroups, meanOf, reshape, transposeBlocks } from "./ops/tokens.js";
import { ParameterSet, prefixed, type ParameterDeclarer } from "./parameters.js";
import type { Runtime } from "./runtime.js";

/** One batch as tensors: features [B, F]; with the encoder, cells' one-hots [B·T, ops] and adjacency [B·T, T] (T tokens a cell). */
export interface BatchTensors {
  features: Tensor;
  onehot?: Tensor;
  adjacency?: Tensor;
}

interface Trunk {
  forward(rt: Runtime, x: Tensor): Tensor;
}

/** The embedding and the head: Bayesian in MABN, plain but likewise bias-free in the mixer ablation. */
type Projection = Dense | BayesianDense;

function projection(params: ParameterDeclarer, name: string, bayesian: boolean, inFeatures: number, outFeatures: number, rhoInit: number, bayesLayers: BayesianDense[]): Projection {
  if (!bayesian) return new Dense(params, name, inFeatures, outFeatures, false);
  const layer = new BayesianDense(params, name, inFeatures, outFeatures, rhoInit);
  bayesLayers.push(layer);
  return layer;
}

class MixerBlock {
  private readonly firstNorm: LayerNorm;
  private readonly first: FeedForward;
  private readonly secondNorm: LayerNorm;
  private readonly second: FeedForward;

  constructor(params: ParameterDeclarer, name: string, private readonly config: ModelConfig) {
    const { width, mixing, tokenExpansion, channelExpansion } = config;
    const tokens = segmentCount(config);
    this.firstNorm = new LayerNorm(params, `${name}.norm1`, width);
    this.first = mixing === "token"
      ? new FeedForward(params, `${name}.tokens`, tokens, Math.max(1, Math.round(tokens * tokenExpansion)))
      : new FeedForward(params, `${name}.channels1`, width, Math.max(1, Math.round(width * 4)));
    this.secondNorm = new LayerNorm(params, `${name}.norm2`, width);
    this.second = mixing === "token"
      ? new FeedForward(params, `${name}.channels`, width, Math.max(1, Math.round(width * channelExpansion)))
      : new FeedForward(params, `${name}.channels2`, width, Math.max(1, Math.round(width * 0.5)));
  }

  /** x [B·L, D] → [B·L, D]. */
  forward(rt: Runtime, x: Tensor, batch: number): Tensor {
    let h = this.firstNorm.forward(rt, x);
    if (this.config.mixing === "token") {
      // [B·L, D] → [B·D, L]: each channel's L segment values become one row for the token MLP.
      h = transposeBlocks(rt, this.first.forward(rt, transposeBlocks(rt, h, batch)), batch);
    } else {
      h = this.first.forward(rt, h);
    }
    x = addAll(rt.engine, [x, h]);
    return addAll(rt.engine, [x, this.second.forward(rt, this.secondNorm.forward(rt, x))]);
  }
}

class MixerTrunk implements Trunk {
  private readonly project: Dense;
  private readonly embed: Projection;
  private readonly blocks: MixerBlock[] = [];
  private readonly norm: LayerNorm;
  private readonly head: Projection;

  constructor(params: ParameterDeclarer, private readonly config: ModelConfig, outSize: number, bayesLayers: BayesianDense[]) {
    const bayesian = config.kind === "mabn";
    this.project = new Dense(params, "project", config.inputSize, config.sequence);
    this.embed = projection(params, "embed", bayesian, config.segment, config.width, config.rhoInit, bayesLayers);
    for (let i = 0; i < config.depth; i++) this.blocks.push(new MixerBlock(params, `blocks.${i}`, config));
    this.norm = new LayerNorm(params, "norm", config.width);
    this.head = projection(params, "head", bayesian, config.width, outSize, config.rhoInit, bayesLayers);
  }

  forward(rt: Runtime, x: Tensor): Tensor {
    const batch = x.shape[0];
    const tokens = segmentCount(this.config);
    const segments = reshape(rt, this.project.forward(rt, x), [batch * tokens, this.config.segment]);
    let h = this.embed.forward(rt, segments);
    for (const block of this.blocks) h = block.forward(rt, h, batch);
    return this.head.forward(rt, meanGroups(rt, this.norm.forward(rt, h), tokens));
  }
}

/** §2.4 "MLP": Linear(in→w), depth × (ReLU, Linear(w→w)), ReLU, LayerNorm, Linear(w→out). */
class MlpTrunk implements Trunk {
  private readonly layers: Dense[] = [];
  private readonly norm: LayerNorm;
  private readonly out: Dense;

  constructor(params: ParameterDeclarer, config: ModelConfig, outSize: number) {
    this.layers.push(new Dense(params, "layers.0", config.inputSize, config.width));
    for (let i = 1; i <= config.depth; i++) this.layers.push(new Dense(params, `layers.${i}`, config.width, config.width));
    this.norm = new LayerNorm(params, "norm", config.width);
    this.out = new Dense(params, "out", config.width, outSize);
  }

  forward(rt: Runtime, x: Tensor): Tensor {
    let h = x;
    for (const layer of this.layers) h = relu(rt.engine, layer.forward(rt, h));
    return this.out.forward(rt, this.norm.forward(rt, h));
  }
}

/** §2.4 "BayesianNetwork": Bayesian(in→w), ReLU, Bayesian(w→0.4w), ReLU, Linear(→out). */
class BayesMlpTrunk implements Trunk {
  private readonly first: BayesianDense;
  private readonly second: BayesianDense;
  private readonly out: Dense;

  constructor(params: ParameterDeclarer, config: ModelConfig, outSize: number, bayesLayers: BayesianDense[]) {
    const hidden = Math.max(1, Math.round(config.width * 0.4));
    this.first = new BayesianDense(params, "bayes.0", config.inputSize, config.width, config.rhoInit);
    this.second = new BayesianDense(params, "bayes.1", config.width, hidden, config.rhoInit);
    this.out = new Dense(params, "out", hidden, outSize);
    bayesLayers.push(this.first, this.second);
  }

  forward(rt: Runtime, x: Tensor): Tensor {
    const h = relu(rt.engine, this.second.forward(rt, relu(rt.engine, this.first.forward(rt, x))));
    return this.out.forward(rt, h);
  }
}

/** §2.3: cell tokens (op embedding + token position) plus the trunk's per-token vectors, graph layers, readout. */
class ArchEncoder {
  private readonly width: number;
  private readonly tokens: number;
  private readonly opEmbedding: Dense;
  private readonly position: Parameter;
  private readonly norms: LayerNorm[] = [];
  private readonly mlps: FeedForward[] = [];
  private readonly norm: LayerNorm;
  private readonly readout: FeedForward;
  private readonly out: Dense;

  constructor(params: ParameterDeclarer, { width, layers, hidden, tokens, ops }: ArchEncoderConfig) {
    this.width = width;
    this.tokens = tokens;
    this.opEmbedding = new Dense(params, "cell.ops", ops, width, false);
    this.position = params.add("cell.position", [tokens, width], { kind: "uniform", bound: 1 / Math.sqrt(width) });
    for (let i = 0; i < layers; i++) {
      this.norms.push(new LayerNorm(params, `cell.layers.${i}.norm`, width));
      this.mlps.push(new FeedForward(params, `cell.layers.${i}.mlp`, width, 2 * width));
    }
    this.norm = new LayerNorm(params, "cell.norm", width);
    this.readout = new FeedForward(params, "cell.readout", width, hidden);
    this.out = new Dense(params, "cell.out", width, 1);
  }

  forward(rt: Runtime, trunkOut: Tensor, onehot: Tensor, adjacency: Tensor): Tensor {
    const batch = trunkOut.shape[0];
    const stats = reshape(rt, trunkOut, [batch * this.tokens, this.width]);
    let h = addAll(rt.engine, [addBroadcast(rt, this.opEmbedding.forward(rt, onehot), this.position), stats]);
    this.mlps.forEach((mlp, i) => {
      h = addAll(rt.engine, [h, mlp.forward(rt, graphPropagate(rt, this.norms[i].forward(rt, h), adjacency))]);
    });
    const pooled = meanGroups(rt, this.norm.forward(rt, h), this.tokens);
    return this.out.forward(rt, gelu(rt, this.readout.forward(rt, pooled)));
  }
}

/** One member's network: a trunk, and the architecture encoder when the config has one. */
interface Member {
  trunk: Trunk;
  encoder: ArchEncoder | undefined;
}

function buildMember(params: ParameterDeclarer, config: ModelConfig, bayesLayers: BayesianDense[]): Member {
  const encoder = config.archEncoder;
  const outSize = encoder ? encoder.tokens * encoder.width : 1;
  let trunk: Trunk;
  if (config.kind === "mabn" || config.kind === "mixer") trunk = new MixerTrunk(params, config, outSize, bayesLayers);
  else if (config.kind === "mlp") trunk = new MlpTrunk(params, config, outSize);
  else trunk = new BayesMlpTrunk(params, config, outSize, bayesLayers);
  return { trunk, encoder: encoder ? new ArchEncoder(params, encoder) : undefined };
}

/**
 * `config.members` independently initialised copies of the network whose scores are averaged (an
 * ensemble). Member 0 keeps the plain parameter names, so a one-member model is the single network;
 * member m ≥ 1 declares its copies under "members.m.". `space` gives the architecture encoder its
 * cells (./batch.ts), whose shape the config must match.
 */
export class ParzcModel {
  readonly params = new ParameterSet();
  readonly bayesianLayers: BayesianDense[] = [];
  private readonly members: Member[] = [];

  constructor(readonly config: ModelConfig, readonly space: AnySpace) {
    const encoder = config.archEncoder;
    const { tokens, ops } = space.cellGraph;
    if (encoder && (encoder.tokens !== tokens || encoder.ops !== ops.length)) {
      throw new InputError(`model config: the architecture encoder reads cells of ${encoder.tokens} tokens over ${encoder.ops} ops, but ${space.title} (${space.name}) cells have ${tokens} tokens over ${ops.length}; the model does not belong to that space.`);
    }
    for (let m = 0; m < config.members; m++) {
      this.members.push(buildMember(m === 0 ? this.params : prefixed(this.params, `members.${m}.`), config, this.bayesianLayers));
    }
  }

  /** Draws new ε for every Bayesian layer (before each training forward; once per predict sample). */
  resample(random: Random): void {
    for (const layer of this.bayesianLayers) layer.resample(random);
  }

  /** Each member's scores [B, 1] for a batch, with the Bayesian layers' current ε (training takes one loss per member). */
  forwardMembers(rt: Runtime, batch: BatchTensors): Tensor[] {
    return this.members.map(({ trunk, encoder }) => {
      const out = trunk.forward(rt, batch.features);
      if (!encoder) return out;
      if (!batch.onehot || !batch.adjacency) throw new Error("ParzcModel.forward: this model's architecture encoder needs the cells of the batch");
      return encoder.forward(rt, out, batch.onehot, batch.adjacency);
    });
  }

  /** The ensemble's scores [B, 1]: the mean over members. */
  forward(rt: Runtime, batch: BatchTensors): Tensor {
    return meanOf(rt, this.forwardMembers(rt, batch));
  }
}
