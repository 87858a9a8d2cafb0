// ParZC's input encoding (parzc-method.md §1.4, §C.2 of the proxy spec): for each proxy in a
// fixed order, the node vector is min–max scaled within the architecture (no epsilon, as the
// NB201 generator did, so a constant vector gives NaN), NaN/±Inf become 0, and the vector is
// zero-padded to the space maximum (98 for NB201, 83 for NB101). The proxies are concatenated.
import { getSpace } from "../spaces/index.js";
import { InputError } from "../util/errors.js";
import { PARZC_PROXIES } from "./compute.js";

export interface EncodingSpec {
  /** Proxy order in the feature vector; ParZC's three come first. */
  readonly proxies: readonly string[];
  /** Nodes per proxy after padding (the space maximum). */
  readonly maxNodes: number;
}

/** ParZC's three proxies, padded to the space's most nodes. */
export function parzcEncoding(spaceName: string): EncodingSpec {
  return { proxies: PARZC_PROXIES, maxNodes: getSpace(spaceName).maxNodes };
}

/** NB201's, the default space's. */
export const PARZC_ENCODING: EncodingSpec = parzcEncoding("nb201");

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

export interface EncodedFeatures {
  features: Float32Array;
  /** Entries that were NaN or ±Inf after scaling and were set to 0. */
  masked: number;
  /** The same, per proxy in the spec's order. */
  maskedBy: number[];
}

export function encodeNodes(nodes: Readonly<Record<string, ArrayLike<number>>>, spec: EncodingSpec = PARZC_ENCODING): EncodedFeatures {
  const features = new Float32Array(spec.proxies.length * spec.maxNodes);
  const maskedBy = spec.proxies.map(() => 0);
  spec.proxies.forEach((proxy, p) => {
    const values = nodes[proxy];
    if (!values) throw new InputError(`the encoding needs node values of "${proxy}", which this record lacks: compute it (--proxies ${spec.proxies.join(",")}).`);
    if (values.length > spec.maxNodes) throw new InputError(`"${proxy}" has ${values.length} nodes but the encoding pads to ${spec.maxNodes}.`);
    const scaled = minMaxScale(values);
    for (let i = 0; i < scaled.length; i++) {
      if (Number.isFinite(scaled[i])) features[p * spec.maxNodes + i] = scaled[i];
      else maskedBy[p]++;
    }
  });
  return { features, masked: maskedBy.reduce((a, b) => a + b, 0), maskedBy };
}
