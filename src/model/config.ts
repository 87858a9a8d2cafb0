// Model configurations: MABN (parzc-method.md §2) and the ablations of §2.4, plus the optional
// architecture encoder of §2.3. A config is plain JSON, stored in model files and checked on load.
import { InputError } from "../util/errors.js";

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

export interface ArchEncoderConfig {
  /** Width d of each edge token; MABN's head then emits 6·d values, one token's worth per edge. */
  width: number;
  /** Graph layers over the cell's line graph. */
  layers: number;
  /** Hidden width of the readout MLP. */
  hidden: number;
}

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

export const DEFAULT_ARCH_ENCODER: ArchEncoderConfig = { width: 32, layers: 2, hidden: 64 };

/**
 * Defaults per kind, as the ablations of §2.4 size them. MABN comes with the architecture encoder
 * (ParZCBMM, the released NB201 model; +0.03–0.05 Kendall τ at 156 training architectures here);
 * the ablations come without it unless asked.
 */
export function defaultConfig(kind: ModelKind = "mabn", overrides: Partial<ModelConfig> = {}): ModelConfig {
  const base: ModelConfig = { ...DEFAULT_CONFIG, kind, archEncoder: kind === "mabn" ? { ...DEFAULT_ARCH_ENCODER } : null };
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
    for (const key of ["width", "layers", "hidden"]) positiveInteger(typed.archEncoder as unknown as Record<string, unknown>, key);
  }
  return {
    kind: typed.kind, inputSize: typed.inputSize, sequence: typed.sequence, segment: typed.segment, width: typed.width,
    depth: typed.depth, mixing: typed.mixing, tokenExpansion: typed.tokenExpansion, channelExpansion: typed.channelExpansion,
    rhoInit: typed.rhoInit, archEncoder: typed.archEncoder ? { ...typed.archEncoder } : null, members: typed.members,
  };
}

/** Segments (tokens) in a mixer. */
export function segmentCount(config: ModelConfig): number {
  return config.sequence / config.segment;
}
