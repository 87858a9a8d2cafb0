// The features the model reads of an architecture, in one place. ParZC's encoding
// (parzc-method.md §1.4): for each proxy in the encoding's order, the node vector is min–max
// scaled within the architecture (no epsilon, as ParZC's NB201 generator did, so a constant vector
// gives 0/0 = NaN), NaN/±Inf become 0 and are counted, and the vector is zero-padded to the
// space's most nodes (its `maxNodes`: NB201 98, NB101 83). The proxies are concatenated and,
// optionally, followed by the magnitude features that the scaling throws away.
import { PARZC_PROXIES } from "../proxies/compute.js";
import { InputError } from "../util/errors.js";

export interface EncodingSettings {
  /** Proxy order in the feature vector; ParZC's three come first. */
  proxies: string[];
  /** Nodes per proxy after padding: the space's `maxNodes`. */
  maxNodes: number;
  /** How node vectors became features (fixed by this module). */
  scaling: typeof SCALING;
  /**
   * Append what the per-architecture min-max scaling removes: log Σ|node value| of each proxy and
   * the node count / maxNodes. Not in ParZC; it lifts Kendall τ.
   */
  magnitudes: boolean;
}

const SCALING = "min-max per architecture, NaN/Inf → 0, zero-padded";

/** ParZC's three proxies, padded to the space's most nodes; `magnitudes` appends our extra features. */
export function parzcEncoding(space: { readonly maxNodes: number }, magnitudes = false): EncodingSettings {
  return { proxies: [...PARZC_PROXIES], maxNodes: space.maxNodes, scaling: SCALING, magnitudes };
}

/** Feature values per architecture under an encoding. */
export function encodedSize(encoding: EncodingSettings): number {
  return encoding.proxies.length * encoding.maxNodes + (encoding.magnitudes ? encoding.proxies.length + 1 : 0);
}

/** (v − min)/(max − min) over the finite values; NaN where the vector is constant. */
export function minMaxScale(values: ArrayLike<number>): Float64Array {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  return Float64Array.from(values, (v) => (v - min) / (max - min));
}

export type NodeVectors = Readonly<Record<string, ArrayLike<number>>>;

export interface EncodedFeatures {
  features: Float32Array;
  /** Entries that were NaN or ±Inf after scaling and were set to 0. */
  masked: number;
  /** The same, per proxy in the encoding's order. */
  maskedBy: number[];
}

/** ParZC's encoding of one architecture's node vectors (no magnitude features). */
export function encodeNodes(nodes: NodeVectors, encoding: Pick<EncodingSettings, "proxies" | "maxNodes">): EncodedFeatures {
  const { proxies, maxNodes } = encoding;
  const features = new Float32Array(proxies.length * maxNodes);
  const maskedBy = proxies.map(() => 0);
  proxies.forEach((proxy, p) => {
    const values = nodes[proxy];
    if (!values) throw new InputError(`the encoding needs node values of "${proxy}", which this record lacks: compute it (--proxies ${proxies.join(",")}).`);
    if (values.length > maxNodes) throw new InputError(`"${proxy}" has ${values.length} nodes but the encoding pads to ${maxNodes}.`);
    const scaled = minMaxScale(values);
    for (let i = 0; i < scaled.length; i++) {
      if (Number.isFinite(scaled[i])) features[p * maxNodes + i] = scaled[i];
      else maskedBy[p]++;
    }
  });
  return { features, masked: maskedBy.reduce((a, b) => a + b, 0), maskedBy };
}

/** The smallest sum whose log is taken: all-zero vectors (degenerate cells) map to log(1e-30). */
const SMALLEST_SUM = 1e-30;

/**
 * The features ParZC's per-architecture min-max scaling throws away, appended after them: for each
 * proxy, log Σ|v| over its finite node values (the proxy's own aggregate, on a log scale), then
 * the node count over maxNodes. The model standardises them with training-set statistics.
 */
export function magnitudeFeatures(nodes: NodeVectors, encoding: EncodingSettings): number[] {
  const extra = encoding.proxies.map((proxy) => {
    let sum = 0;
    const values = nodes[proxy];
    for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) sum += Math.abs(values[i]);
    return Math.log(Math.max(sum, SMALLEST_SUM));
  });
  extra.push(nodes[encoding.proxies[0]].length / encoding.maxNodes);
  return extra;
}

/** One architecture's whole feature vector under `encoding`. */
function encodeArch(nodes: NodeVectors, encoding: EncodingSettings): EncodedFeatures {
  const encoded = encodeNodes(nodes, encoding);
  if (!encoding.magnitudes) return encoded;
  const features = new Float32Array(encodedSize(encoding));
  features.set(encoded.features);
  features.set(magnitudeFeatures(nodes, encoding), encoded.features.length);
  return { ...encoded, features };
}

/** What the model needs of a loaded store: the archs and their per-node vectors by proxy (and the store's flags, if known). */
export interface NodeStats {
  archs: readonly string[];
  nodes: Readonly<Record<string, readonly (ArrayLike<number> | undefined)[]>>;
  flags?: readonly (readonly string[])[];
}

/** One proxy's masked feature values, by cause, as positions in the encoded archs. */
export interface MaskedNodes {
  /** Every node value 0 on an architecture flagged degenerate (no input→output path): min–max gives 0/0. */
  degenerate: number[];
  /** Otherwise all finite node values equal: min–max gives 0/0. */
  constant: number[];
  /** Some node values NaN/±Inf in the stats (the proxy is undefined there). */
  nonFinite: number[];
  /** Feature values masked. */
  values: number;
}

export interface EncodedStats {
  archs: string[];
  features: Float32Array[];
  /** Feature entries that were NaN/±Inf after scaling and were set to 0. */
  masked: number;
  /** The same by proxy (those with any), with the architectures and the cause. */
  maskedBy: Record<string, MaskedNodes>;
  /** Architectures left out because they lack a node vector of the encoding's proxies. */
  missingNodes: number;
}

/** Every architecture with the encoding's node vectors, encoded; the others left out and counted. */
export function encodeStats(stats: NodeStats, encoding: EncodingSettings): EncodedStats {
  const absent = encoding.proxies.filter((proxy) => !stats.nodes[proxy]);
  if (absent.length > 0) {
    throw new InputError(`the stats store has no node vectors of ${absent.join(", ")}, which the model's encoding needs (${encoding.proxies.join(", ")}). Compute them with \`parzc stats --proxies ${encoding.proxies.join(",")}\`.`);
  }
  const result: EncodedStats = { archs: [], features: [], masked: 0, maskedBy: {}, missingNodes: 0 };
  stats.archs.forEach((arch, i) => {
    const nodes: Record<string, ArrayLike<number>> = {};
    for (const proxy of encoding.proxies) {
      const values = stats.nodes[proxy][i];
      if (!values) {
        result.missingNodes++;
        return;
      }
      nodes[proxy] = values;
    }
    const encoded = encodeArch(nodes, encoding);
    const degenerate = stats.flags?.[i]?.includes("degenerate") ?? false;
    encoding.proxies.forEach((proxy, p) => {
      if (encoded.maskedBy[p] > 0) countMasked((result.maskedBy[proxy] ??= { degenerate: [], constant: [], nonFinite: [], values: 0 }), nodes[proxy], encoded.maskedBy[p], degenerate, result.archs.length);
    });
    result.archs.push(arch);
    result.features.push(encoded.features);
    result.masked += encoded.masked;
  });
  return result;
}

function countMasked(into: MaskedNodes, values: ArrayLike<number>, masked: number, degenerate: boolean, position: number): void {
  into.values += masked;
  const finite = Array.from(values).filter(Number.isFinite);
  // A varying vector loses only its NaN/Inf entries; a constant one loses all (0/0).
  if (masked < values.length || finite.length === 0) into.nonFinite.push(position);
  else if (degenerate && finite.length === values.length && finite.every((v) => v === 0)) into.degenerate.push(position);
  else into.constant.push(position);
}

/** Features given already encoded, with every NaN/±Inf set to 0, and how many were (rows without any are not copied). */
export function sanitizeFeatures(features: readonly Float32Array[]): { features: Float32Array[]; masked: number } {
  let masked = 0;
  const clean = features.map((row) => {
    let bad = 0;
    for (let i = 0; i < row.length; i++) if (!Number.isFinite(row[i])) bad++;
    if (bad === 0) return row;
    masked += bad;
    return row.map((v) => (Number.isFinite(v) ? v : 0));
  });
  return { features: clean, masked };
}
