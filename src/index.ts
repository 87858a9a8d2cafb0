// parzc's public API: the NB201 space, the zero-cost proxies, ParZC's encoding and the rank metrics.
export { nb201 } from "./spaces/nb201/index.js";
export type { Nb201Arch, Nb201Dataset } from "./spaces/nb201/index.js";
export { computeProxies, getProxy, proxyNames, PARZC_PROXIES } from "./proxies/index.js";
export type { ComputeOptions, ProxyDefinition, ProxyOutput, ProxyRecord } from "./proxies/index.js";
export { encodeNodes, minMaxScale, PARZC_ENCODING, type EncodingSpec } from "./proxies/encoding.js";
export { nodeWeights, weightedScore, NODE_WEIGHTINGS, type NodeWeighting } from "./proxies/weighting.js";
export { kendallTau } from "./metrics/kendall.js";
export { spearman } from "./metrics/spearman.js";
export { Engine } from "./engine/engine.js";
export { wasmBackend, wasmBackendF64 } from "./engine/backend.js";
export { InputError } from "./util/errors.js";
