// A piscina worker: plain data in, one architecture's proxy record out. Each worker thread
// loads its own wasm instance (on the first task) and reuses it and its inputs.
import { computeProxies, type ProxyRecord } from "../proxies/index.js";
import { proxyInputs, type ProxyInputs } from "../proxies/inputs.js";
import { getSpace } from "../spaces/index.js";

export interface ProxyTask {
  /** A registered space's name. */
  space: string;
  arch: string;
  seed: number;
  proxies: string[];
  batch: number;
  dataRoot?: string;
}

export interface SerialisedRecord extends Omit<ProxyRecord, "nodes"> {
  nodes: Record<string, number[]>;
  seed: number;
}

const inputsCache = new Map<string, ProxyInputs>();
const warmedUp = new Set<string>();

export default async function computeTask(task: ProxyTask): Promise<SerialisedRecord> {
  const key = `${task.seed}/${task.batch}/${task.dataRoot ?? ""}`;
  let inputs = inputsCache.get(key);
  if (!inputs) {
    inputs = proxyInputs({ batchSize: task.batch, seed: task.seed, dataRoot: task.dataRoot });
    inputsCache.set(key, inputs);
  }
  // The largest network first, once per proxy set: this thread's wasm memory then reaches its
  // high-water mark at start and stays flat for the rest of the run.
  const space = getSpace(task.space);
  const warmUp = `${task.space}/${task.proxies.join(",")}`;
  if (!warmedUp.has(warmUp)) {
    warmedUp.add(warmUp);
    await computeProxies(space, space.largest, { proxies: task.proxies, seed: task.seed, inputs });
  }
  const record = await computeProxies(space, task.arch, { proxies: task.proxies, seed: task.seed, inputs });
  const nodes = Object.fromEntries(Object.entries(record.nodes).map(([name, values]) => [name, Array.from(values)]));
  return { ...record, nodes, seed: task.seed };
}
