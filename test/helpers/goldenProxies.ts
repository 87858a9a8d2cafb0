// The PyTorch proxy fixture (tools/golden_proxies.py → test/fixtures/golden_proxies.json) and a
// ProxyContext for each of its networks: the same seeded weights (init_from_seed = allocate), the
// same CIFAR-10 training records, the same tiny C and N.
import { readFileSync } from "node:fs";
import { cifarBatch, readCifar10 } from "../../src/data/cifar10.js";
import { dataFile, resolveDataRoot } from "../../src/data/paths.js";
import { wasmBackendF64 } from "../../src/engine/backend.js";
import { Engine } from "../../src/engine/engine.js";
import type { LabelledBatch } from "../../src/engine/lossPass.js";
import { ProxyContext, type EngineSet } from "../../src/proxies/context.js";
import { nb201Subject } from "./nb201Subject.js";

export interface GoldenProxyNet {
  arch: string;
  C: number;
  N: number;
  classes: number;
  /** Per proxy: its score ("NaN", "Infinity", "-Infinity" as strings) and extras. */
  proxies: Record<string, { score: number | string; [extra: string]: unknown }>;
}

export const golden = JSON.parse(readFileSync(new URL("../fixtures/golden_proxies.json", import.meta.url), "utf8")) as {
  seed: number;
  nets: GoldenProxyNet[];
};

/** A fixture score as a number. */
export function goldenScore(net: GoldenProxyNet, proxy: string): number {
  const score = net.proxies[proxy].score;
  return typeof score === "number" ? score : Number(score);
}

const images = readCifar10(dataFile(resolveDataRoot(), "cifar10", "data_batch_1_first1000.bin"));
const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);
const toBatch = (indices: number[]): LabelledBatch => ({ ...cifarBatch(images, indices, "parzc"), shape: [indices.length, 3, 32, 32] });
/** Records 0..15 (the fixture's batch) and 16..31 (zico's second batch). */
const inputs = { dataset: "cifar10" as const, batch: toBatch(range(0, 16)), secondBatch: toBatch(range(16, 16)) };

let engines: Promise<EngineSet> | undefined;
function testEngines(): Promise<EngineSet> {
  engines ??= Engine.create().then((f32) => {
    let f64: Promise<Engine> | undefined;
    return { f32, f64: () => (f64 ??= wasmBackendF64().then((backend) => Engine.create(backend))) };
  });
  return engines;
}

/** A context on the fixture network `net` (seed: the fixture's, unless given). */
export async function goldenContext(net: GoldenProxyNet, seed = golden.seed): Promise<ProxyContext> {
  return new ProxyContext(nb201Subject(net.arch, { channels: net.C, cellsPerStage: net.N, classes: net.classes }), inputs, seed, await testEngines());
}

/** The fixture networks that carry a value for `proxy`. */
export const netsWith = (proxy: string): GoldenProxyNet[] => golden.nets.filter((net) => proxy in net.proxies);
