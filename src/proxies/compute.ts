// computeProxies: one architecture in, every requested proxy's per-node vector and score out.
// One engine per thread (each worker has its own wasm instance), reused across calls.
import { Engine } from "../engine/engine.js";
import { wasmBackendF64 } from "../engine/backend.js";
import type { ImageDataset } from "../data/imageDatasets.js";
import type { AnySpace } from "../spaces/index.js";
import { ProxyContext, spaceSubject, type EngineSet } from "./context.js";
import { DEFAULT_BATCH_SIZE, proxyInputs, type ProxyInputs } from "./inputs.js";
import { getProxy } from "./registry.js";

/** ParZC's node-wise features, first in every encoding. */
export const PARZC_PROXIES = ["grad_norm", "snip", "synflow"] as const;

export interface ComputeOptions {
  dataset?: ImageDataset;
  proxies?: readonly string[];
  /** Images per batch (ParZC: 16). */
  batch?: number;
  /** Seeds the weights and the choice of images. */
  seed?: number;
  dataRoot?: string;
  /** Pre-built inputs (a worker reuses them across architectures). */
  inputs?: ProxyInputs;
}

export interface ProxyRecord {
  arch: string;
  /** Per-node vectors (module order); proxies without a per-node form are absent. */
  nodes: Record<string, Float64Array>;
  /** Aggregate scores; null where the proxy is undefined for this network (NaN or ±Inf). */
  scores: Record<string, number | null>;
  /** "degenerate" (no input→output path), "undefined:<proxy>" for each null score. */
  flags: string[];
}

let engines: EngineSet | undefined;
function threadEngines(): Promise<EngineSet> {
  return (async () => {
    if (!engines) {
      const f32 = await Engine.create();
      let f64: Promise<Engine> | undefined;
      engines = { f32, f64: () => (f64 ??= wasmBackendF64().then((backend) => Engine.create(backend))) };
    }
    return engines;
  })();
}

/** `arch`: any form `space` parses; the record carries its canonical string. */
export async function computeProxies(space: AnySpace, arch: string, options: ComputeOptions = {}): Promise<ProxyRecord> {
  const parsed = space.parse(arch);
  const { proxies = PARZC_PROXIES, seed = 0 } = options;
  const definitions = proxies.map(getProxy);
  const inputs = options.inputs ?? proxyInputs({ dataset: options.dataset, batchSize: options.batch ?? DEFAULT_BATCH_SIZE, seed, dataRoot: options.dataRoot });
  const shared = new Set(definitions.flatMap((proxy) => (proxy.needs.shares ? [proxy.needs.shares] : [])));
  const context = new ProxyContext(spaceSubject(space, parsed, inputs.dataset), inputs, seed, await threadEngines(), shared);
  const record: ProxyRecord = { arch: space.format(parsed), nodes: {}, scores: {}, flags: [] };
  if (space.isDegenerate(parsed)) record.flags.push("degenerate");
  for (const proxy of definitions) {
    const { nodes, score } = await proxy.compute(context);
    if (nodes) record.nodes[proxy.name] = nodes;
    record.scores[proxy.name] = Number.isFinite(score) ? score : null;
    if (!Number.isFinite(score)) record.flags.push(`undefined:${proxy.name}`);
  }
  context.engine.resetAll();
  return record;
}
