// The model a caller asks for in a few words (its kind, sizes and optional parts), turned into the
// config and feature encoding that src/model builds. `parzc train`'s flags and ParZC.train share it.
import { DEFAULT_ARCH_ENCODER, defaultConfig, type ModelConfig, type ModelKind, type Mixing } from "../model/config.js";
import { defaultEncoding, encodedSize, type EncodingSettings } from "../model/predictor.js";
import { sizeDefaults } from "../model/sizeDefaults.js";

export interface ModelSpec {
  /** mabn (default), or an ablation: mixer, mlp, bayes-mlp. */
  kind?: ModelKind;
  mixing?: Mixing;
  /** Channels per segment (mixers) or hidden width (MLPs). */
  width?: number;
  /** Mixer blocks or MLP layers. */
  depth?: number;
  segment?: number;
  sequence?: number;
  /** The cell's op-graph encoder (parzc-method.md §2.3); on by default for mabn only. */
  archEncoder?: boolean;
  /** Append the log-magnitude and node-count features to ParZC's encoding (default true). */
  magnitudes?: boolean;
  /** Independently initialised copies trained side by side, scores averaged (default: by training-set size). */
  members?: number;
}

export function specEncoding(spec: ModelSpec = {}): EncodingSettings {
  return defaultEncoding(spec.magnitudes ?? true);
}

/** The config for `trainSize` training architectures: below 120 the small-data ensemble (src/model/sizeDefaults.ts). */
export function modelSetup(spec: ModelSpec = {}, trainSize = Infinity): { config: ModelConfig; encoding: EncodingSettings } {
  const kind = spec.kind ?? "mabn";
  const encoding = specEncoding(spec);
  const sizes = { members: spec.members ?? sizeDefaults(trainSize).members, mixing: spec.mixing, width: spec.width, depth: spec.depth, segment: spec.segment, sequence: spec.sequence };
  const overrides = Object.fromEntries(Object.entries(sizes).filter(([, value]) => value !== undefined));
  const config = defaultConfig(kind, {
    ...overrides, inputSize: encodedSize(encoding),
    archEncoder: (spec.archEncoder ?? kind === "mabn") ? { ...DEFAULT_ARCH_ENCODER } : null,
  });
  return { config, encoding };
}
