// The proxy registry with every proxy loaded: importing this module registers them all.
import "./definitions/gradNorm.js";
import "./definitions/snip.js";
import "./definitions/plain.js";
import "./definitions/l2Norm.js";
import "./definitions/fisher.js";
import "./definitions/params.js";
import "./definitions/flops.js";
import "./definitions/jacov.js";
import "./definitions/nwot.js";
import "./definitions/epeNas.js";
import "./definitions/zen.js";
import "./definitions/synflow.js";
import "./definitions/grasp.js";
import "./definitions/zico.js";

export { computeProxies, PARZC_PROXIES, type ComputeOptions, type ProxyRecord } from "./compute.js";
export { getProxy, proxyNames } from "./registry.js";
export type { ProxyDefinition, ProxyOutput } from "./types.js";
