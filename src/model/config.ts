// Model configurations: MABN (parzc-method.md §2) and the ablations of §2.4, plus the optional
// architecture encoder of §2.3. A config is plain JSON, stored in model files and checked on load.
import { type AnySpace, getSpace } from "../spaces/index.js";
import { InputError } from "../util/errors.js";

/** The space of model files and configs written before spaces were named: they are NB201's. */
export const LEGACY_SPACE = "nb201";

export const MODEL_KINDS = ["mabn", "mixer", "mlp", "bayes-mlp"] as const;
/**
 * mabn: mixer with Bayesian embedding and head. mixer: the same without Bayesian layers. mlp: a
 * plain MLP. bayes-mlp: PicoNAS BayesianNetwork (two Bayesian layers, then a linear output).
 */
export type ModelKind = (typeof MODEL_KINDS)[number];

/** token: token mixing across segments, then channel mixing (MLP-Mixer, as the paper describes).
 *  channel: the authors' released blocks, two channel MLPs (×4 and ×0.5) and no token mixing. */
export const MIXINGS = ["token", "channel"] as const;
export type Mixing = (typeof MIXINGS)[number];

/** The encoder's sizes, which a caller chooses; the cell's shape comes from the space. */
export interface ArchEncoderSize {
  /** Width d of each cell token; MABN's head then emits tokens·d values, one token's worth each. */
  width: number;
  /** Graph layers over the cell graph. */
  layers: number;
  /** Hidden width of the readout MLP. */
  hidden: number;
}

export interface ArchEncoderConfig extends ArchEncoderSize {
  /** Tokens per cell (the space's `cellGraph.tokens`: NB201 6 edges, NB101 7 vertices). */
  tokens: number;
  /** One-hot width: the space's `cellGraph.ops` count (5 for both). */
  ops: number;
}

/** A config to build from: the encoder's cell shape may be left out (then it is the legacy space's). */
export type ConfigOverrides = Partial<Omit<ModelConfig, "archEncoder">> & { archEncoder?: ArchEncoderSize | ArchEncoderConfig | null };

export interface ModelConfig {
  kind: ModelKind;
  /** Length of the encoded feature vector (3 proxies × 98 nodes for NB201). */
  inputSize: number;
  /** Mixer: length S the input is projected to, cut into S/segment segments (tokens). */
  sequence: number;
  segment: number;
  /** Mixer: channels per token; MLPs: hidden width. */
  width: number;
  /** Mixer blocks, or MLP hidden layers. */
  depth: number;
  mixing: Mixing;
  /** Token-mixing MLP hidden size as a multiple of the segment count. */
  tokenExpansion: number;
  /** Channel-mixing MLP hidden size as a multiple of the width. */
  channelExpansion: number;
  /** ρ's initial value in the Bayesian layers (σ = softplus(ρ)). */
  rhoInit: number;
  archEncoder: ArchEncoderConfig | null;
  /** Independently initialised copies of the network, trained side by side, scores averaged. */
  members: number;
}

export const DEFAULT_CONFIG: ModelConfig = {
  kind: "mabn",
  inputSize: 294,
  sequence: 256,
  segment: 16,
  width: 64,
  depth: 2,
  mixing: "token",
  tokenExpansion: 2,
  channelExpansion: 4,
  rhoInit: -5,
  archEncoder: null,
  members: 1,
};

export const DEFAULT_ARCH_ENCODER: ArchEncoderSize = { width: 32, layers: 2, hidden: 64 };

/** The encoder for a space's cells. */
export function archEncoderFor(space: AnySpace, size: ArchEncoderSize = DEFAULT_ARCH_ENCODER): ArchEncoderConfig {
  return { ...size, tokens: space.cellGraph.tokens, ops: space.cellGraph.ops.length };
}

/**
 * Defaults per kind, as the ablations of §2.4 size them. MABN comes with the architecture encoder
 * (ParZCBMM, the released NB201 model; +0.03–0.05 Kendall τ at 156 training architectures here);
 * the ablations come without it unless asked.
 */
export function defaultConfig(kind: ModelKind = "mabn", overrides: ConfigOverrides = {}): ModelConfig {
  const base: ConfigOverrides = { ...DEFAULT_CONFIG, kind, archEncoder: kind === "mabn" ? { ...DEFAULT_ARCH_ENCODER } : null };
  if (kind === "mlp") Object.assign(base, { width: 512, depth: 4 });
  if (kind === "bayes-mlp") Object.assign(base, { width: 160, depth: 1, rhoInit: -3 });
  return validateConfig({ ...base, ...overrides });
}

export function isBayesian(config: ModelConfig): boolean {
  return config.kind === "mabn" || config.kind === "bayes-mlp";
}

function positiveInteger(config: Record<string, unknown>, key: string): void {
  const value = config[key];
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new InputError(`model config: ${key} must be a positive integer, got ${JSON.stringify(value)}.`);
  }
}

/** Its fields alone, in one order, so equal configs write equal JSON. */
function archEncoderOf({ width, layers, hidden, tokens, ops }: ArchEncoderConfig): ArchEncoderConfig {
  return { width, layers, hidden, tokens, ops };
}

/** Checks a config from the CLI or a model file; returns it typed. */
export function validateConfig(value: unknown): ModelConfig {
  if (typeof value !== "object" || value === null) throw new InputError("model config: expected an object.");
  // Files written before ensembles hold one network.
  const config: Record<string, unknown> = { members: 1, ...(value as Record<string, unknown>) };
  if (!(MODEL_KINDS as readonly unknown[]).includes(config.kind)) {
    throw new InputError(`model config: kind ${JSON.stringify(config.kind)} is not one of ${MODEL_KINDS.join(", ")}.`);
  }
  if (!(MIXINGS as readonly unknown[]).includes(config.mixing)) {
    throw new InputError(`model config: mixing ${JSON.stringify(config.mixing)} is not one of ${MIXINGS.join(", ")}.`);
  }
  for (const key of ["inputSize", "sequence", "segment", "width", "depth", "members"]) positiveInteger(config, key);
  for (const key of ["tokenExpansion", "channelExpansion", "rhoInit"]) {
    if (typeof config[key] !== "number" || !Number.isFinite(config[key])) throw new InputError(`model config: ${key} must be a finite number.`);
  }
  const typed = config as unknown as ModelConfig;
  if (typed.sequence % typed.segment !== 0) {
    throw new InputError(`model config: sequence ${typed.sequence} is not a multiple of segment ${typed.segment}; pick a segment size that divides it.`);
  }
  if (typed.tokenExpansion <= 0 || typed.channelExpansion <= 0) throw new InputError("model config: expansions must be positive.");
  if (typed.archEncoder !== null) {
    if (typeof typed.archEncoder !== "object") throw new InputError("model config: archEncoder must be an object or null.");
    // Files written before spaces hold NB201's encoder, whose cell shape they leave out.
    const legacy = archEncoderFor(getSpace(LEGACY_SPACE));
    typed.archEncoder = { tokens: legacy.tokens, ops: legacy.ops, ...(typed.archEncoder as Partial<ArchEncoderConfig>) } as ArchEncoderConfig;
    for (const key of ["width", "layers", "hidden", "tokens", "ops"]) positiveInteger(typed.archEncoder as unknown as Record<string, unknown>, key);
  }
  return {
    kind: typed.kind, inputSize: typed.inputSize, sequence: typed.sequence, segment: typed.segment, width: typed.width,
    depth: typed.depth, mixing: typed.mixing, tokenExpansion: typed.tokenExpansion, channelExpansion: typed.channelExpansion,
    rhoInit: typed.rhoInit, archEncoder: typed.archEncoder ? archEncoderOf(typed.archEncoder) : null, members: typed.members,
  };
}

/** Segments (tokens) in a mixer. */
export function segmentCount(config: ModelConfig): number {
  return config.sequence / config.segment;
}
