// From a stats store (src/pipeline/statsData.ts) and a benchmark column to the predictor's data:
// each architecture's node vectors are encoded (src/proxies/encoding.ts) in the model's proxy
// order, and its target is read from the NB201 table. Architectures without the encoding's node
// vectors or without a finite target are left out and counted.
import { encodeNodes } from "../proxies/encoding.js";
import type { Nb201Table } from "../spaces/nb201/table.js";
import { InputError } from "../util/errors.js";
import type { RankingDataset } from "./dataset.js";
import type { EncodingSettings } from "./predictor.js";

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

/** The smallest sum whose log is taken: all-zero vectors (degenerate cells) map to log(1e-30). */
const SMALLEST_SUM = 1e-30;

/**
 * The features ParZC's per-architecture min-max scaling throws away, appended after them: for each
 * proxy, log Σ|v| over its finite node values (the proxy's own aggregate, on a log scale), then
 * the node count over maxNodes. The model standardises them with training-set statistics.
 */
export function magnitudeFeatures(nodes: Readonly<Record<string, ArrayLike<number>>>, encoding: EncodingSettings): number[] {
  const extra = encoding.proxies.map((proxy) => {
    let sum = 0;
    const values = nodes[proxy];
    for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) sum += Math.abs(values[i]);
    return Math.log(Math.max(sum, SMALLEST_SUM));
  });
  extra.push(nodes[encoding.proxies[0]].length / encoding.maxNodes);
  return extra;
}

function withMagnitudes(features: Float32Array, nodes: Readonly<Record<string, ArrayLike<number>>>, encoding: EncodingSettings): Float32Array {
  const out = new Float32Array(features.length + encoding.proxies.length + 1);
  out.set(features);
  out.set(magnitudeFeatures(nodes, encoding), features.length);
  return out;
}

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
    const encoded = encodeNodes(nodes, { proxies: encoding.proxies, maxNodes: encoding.maxNodes });
    const degenerate = stats.flags?.[i]?.includes("degenerate") ?? false;
    encoding.proxies.forEach((proxy, p) => {
      if (encoded.maskedBy[p] > 0) countMasked((result.maskedBy[proxy] ??= { degenerate: [], constant: [], nonFinite: [], values: 0 }), nodes[proxy], encoded.maskedBy[p], degenerate, result.archs.length);
    });
    result.archs.push(arch);
    result.features.push(encoding.magnitudes ? withMagnitudes(encoded.features, nodes, encoding) : encoded.features);
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

export interface LabelledStats extends RankingDataset {
  masked: number;
  missingNodes: number;
  /** Architectures left out because the column has no finite value for them. */
  missingTargets: number;
}

/** Encoded features with the column's value for each architecture as its target. */
export function labelStats(encoded: EncodedStats, table: Nb201Table, column: string): LabelledStats {
  if (!table.columnNames.includes(column)) {
    throw new InputError(`--target ${column}: the NB201 table has no such column; use one of ${table.columnNames.filter((name) => /_(test|valid|valtest)_/.test(name)).join(", ")}.`);
  }
  const values = table.column(column);
  const result: LabelledStats = { archs: [], features: [], targets: new Float64Array(0), masked: encoded.masked, missingNodes: encoded.missingNodes, missingTargets: 0 };
  const targets: number[] = [];
  encoded.archs.forEach((arch, i) => {
    const target = values[table.indexOf(arch)];
    if (!Number.isFinite(target)) {
      result.missingTargets++;
      return;
    }
    result.archs.push(arch);
    result.features.push(encoded.features[i]);
    targets.push(target);
  });
  result.targets = Float64Array.from(targets);
  return result;
}
