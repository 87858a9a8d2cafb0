// The model a caller asks for in a few words (its kind, sizes and optional parts), turned into the
// feature encoding and config that src/model builds for a space. `parzc train`'s flags and
// ParZC.train share it.
import { archEncoderFor, defaultConfig, type ModelConfig, type ModelKind, type Mixing } from "../model/config.js";
import { encodedSize, parzcEncoding, type EncodingSettings } from "../model/features.js";
import { sizeDefaults } from "../model/sizeDefaults.js";
import type { AnySpace } from "../spaces/index.js";

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

/** ParZC's encoding for the space, with the magnitude features unless the spec leaves them out. */
export function specEncoding(space: AnySpace, spec: ModelSpec = {}): EncodingSettings {
  return parzcEncoding(space, spec.magnitudes ?? true);
}

/** The config for `encoding`'s inputs, the space's cells and `trainSize` training architectures: below 120 the small-data ensemble (src/model/sizeDefaults.ts). */
export function modelConfig(space: AnySpace, encoding: EncodingSettings, spec: ModelSpec = {}, trainSize = Infinity): ModelConfig {
  const kind = spec.kind ?? "mabn";
  const sizes = { members: spec.members ?? sizeDefaults(trainSize).members, mixing: spec.mixing, width: spec.width, depth: spec.depth, segment: spec.segment, sequence: spec.sequence };
  const overrides = Object.fromEntries(Object.entries(sizes).filter(([, value]) => value !== undefined));
  return defaultConfig(kind, {
    ...overrides, inputSize: encodedSize(encoding),
    archEncoder: (spec.archEncoder ?? kind === "mabn") ? archEncoderFor(space) : null,
  });
}
