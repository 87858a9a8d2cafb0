// ParZC† over a loaded store: each architecture's node vector of one proxy, reweighted by node
// position (src/proxies/weighting.ts). It is left undefined (NaN) where the proxy's own score is,
// e.g. on degenerate cells, so it is compared on the same architectures as the proxy.
import type { StatsData } from "../pipeline/statsData.js";
import { getProxy, proxyNames } from "../proxies/index.js";
import { type NodeWeighting, weightedScore } from "../proxies/weighting.js";
import { type AnySpace, getSpace } from "../spaces/index.js";
import { InputError } from "../util/errors.js";

/** Element counts of the Conv/Linear weights, module order: what a size-weighted node mean multiplies. */
export function nodeSizes(space: AnySpace, arch: string, dataset: string): number[] {
  return space.build(space.parse(arch), dataset).nodes().map((node) => node.weight.size);
}

/** The proxies ParZC† can reweight. */
export function nodeWiseProxies(): string[] {
  return proxyNames().filter((name) => getProxy(name).reduction !== "none");
}

export function weightedScores(data: StatsData, proxyName: string, weighting: NodeWeighting = "sine"): Float64Array {
  const proxy = getProxy(proxyName);
  if (proxy.reduction === "none") throw new InputError(`proxy "${proxyName}" has no node-wise form, so ParZC† (--weighting) cannot reweight it; pick one of ${nodeWiseProxies().join(", ")}.`);
  const vectors = data.nodes[proxyName];
  if (!vectors) throw new InputError(`the stats store has no node vectors of "${proxyName}": compute them with \`parzc stats --proxies ${proxyName}\`.`);
  const space = getSpace(data.settings.space);
  return Float64Array.from(data.archs, (arch, i) => {
    const nodes = vectors[i];
    if (!nodes || !Number.isFinite(data.scores[proxyName][i])) return NaN;
    return weightedScore(proxy, nodes, nodeSizes(space, arch, data.settings.dataset), weighting);
  });
}
