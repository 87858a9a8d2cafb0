// `parzc stats` as plain functions: check the settings, list the architectures, skip those the
// store already holds, and compute the rest on a piscina pool (each worker keeps its own wasm
// instance), appending every record as it arrives. An architecture that fails (an exception, or
// its worker dying) is retried once, then recorded as failed, and the run goes on. An aborted
// run (Ctrl-C) starts nothing new and abandons the running architectures: the store keeps exactly
// the records that arrived, so the same command resumes it.
import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { resolveDataRoot } from "../data/paths.js";
import { getProxy } from "../proxies/index.js";
import { proxyInputs } from "../proxies/inputs.js";
import type { ImageDataset } from "../data/imageDatasets.js";
import { type AnySpace, type BenchmarkTable, getSpace } from "../spaces/index.js";
import { InputError } from "../util/errors.js";
import { type ArchSpec, type Shard, archList, shardOf } from "./archList.js";
import { defaultStorePath } from "./cachePath.js";
import { Progress, type ProgressStream } from "./progress.js";
import type { ProxyTask, SerialisedRecord } from "./proxyWorker.js";
import type { StatsSettings } from "./settings.js";
import { StatsStore, type Warn, warnOnStderr } from "./store.js";

/** Tries per architecture: the first, and one retry. */
const ATTEMPTS = 2;
/** Tasks in flight per worker, so a worker never waits while the main thread appends. */
const TASKS_PER_WORKER = 2;

export interface StatsRunOptions extends StatsSettings {
  archs: ArchSpec;
  /** Worker threads (default: the number of cores). */
  workers?: number;
  /** The store (default: defaultStorePath). */
  out?: string;
  shard?: Shard;
  /** The data folder (--data); resolved as everywhere else when absent. */
  data?: string;
  /** The piscina worker module; tests inject a fixture. */
  workerFile?: string;
  progress?: ProgressStream;
  warn?: Warn;
  /** Stops the run early (src/util/interrupt.ts); the summary then says `interrupted`. */
  signal?: AbortSignal;
}

export interface StatsSummary {
  store: string;
  /** Architectures in this run's list (after --shard). */
  total: number;
  /** Computed and stored by this run. */
  done: number;
  /** Already in the store. */
  skipped: number;
  /** Computed by this run and flagged degenerate. */
  flagged: number;
  failed: { arch: string; reason: string }[];
  /** Set when `signal` stopped the run before its list was done. */
  interrupted?: true;
}

/** Architectures of the list a rerun would still compute (the unfinished and the failed). */
export const leftToCompute = ({ total, done, skipped }: StatsSummary) => total - done - skipped;

/** The one-line summary `parzc stats` prints. */
export function formatStatsSummary({ done, skipped, flagged, failed, store }: StatsSummary): string {
  return `done ${done}, skipped ${skipped}, flagged ${flagged}, failed ${failed.length} (store ${store})`;
}

/** A run stopped by its signal (runDemo throws it, so the CLI can say how to resume). */
export class StatsInterrupted extends Error {
  constructor(readonly summary: StatsSummary) {
    super(`the statistics were interrupted with ${leftToCompute(summary)} of ${summary.total} left`);
    this.name = "StatsInterrupted";
  }
}

/** The default worker sits beside this file, as .ts under tsx or .js once compiled. */
const defaultWorkerFile = () => fileURLToPath(new URL(`./proxyWorker${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

/** Fails before any work on settings the workers would reject for every architecture. */
function checkSettings({ space: spaceName, dataset, proxies, batch, seed }: StatsSettings, dataRoot: string): AnySpace {
  const space = getSpace(spaceName);
  if (proxies.length === 0) throw new InputError("--proxies is empty: expected proxy names separated by commas, e.g. grad_norm,snip,synflow.");
  const twice = proxies.find((name, i) => proxies.indexOf(name) !== i);
  if (twice) throw new InputError(`--proxies lists "${twice}" twice: name each proxy once.`);
  proxies.forEach(getProxy);
  if (!space.datasets.includes(dataset)) throw new InputError(`--dataset "${dataset}" is not one ${space.title} was trained on: expected one of ${space.datasets.join(", ")}.`);
  proxyInputs({ dataset: dataset as ImageDataset, batchSize: batch, seed, dataRoot });
  return space;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Computes `todo` on a pool, appending each record (or failure) to the store and counting it in `summary`. */
async function computeAll(todo: string[], store: StatsStore, table: BenchmarkTable, options: StatsRunOptions & { dataRoot: string }, summary: StatsSummary): Promise<void> {
  const { seed, proxies, batch, dataRoot } = options;
  const workers = Math.min(options.workers ?? availableParallelism(), todo.length);
  const pool = new Piscina<ProxyTask, SerialisedRecord>({ filename: options.workerFile ?? defaultWorkerFile(), minThreads: workers, maxThreads: workers });
  const progress = new Progress(todo.length, options.progress);
  const { signal } = options;
  /** False when the run was stopped before `arch` finished: nothing of it is stored. */
  const computeOne = async (arch: string): Promise<boolean> => {
    const index = table.rowOf(arch);
    let lastError: unknown;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      let record: SerialisedRecord;
      try {
        // An abort rejects a queued task and ends a running one's worker thread.
        record = await pool.run({ space: options.space, arch, seed, proxies, batch, dataRoot }, { signal });
      } catch (error) {
        if (signal?.aborted) return false;
        lastError = error;
        continue;
      }
      const { scores, nodes, flags } = record;
      store.append({ arch, index, scores, nodes, flags });
      summary.done++;
      if (flags.includes("degenerate")) summary.flagged++;
      return true;
    }
    store.append({ arch, index, failed: reasonOf(lastError) });
    summary.failed.push({ arch, reason: reasonOf(lastError) });
    return true;
  };
  const queue = todo[Symbol.iterator]();
  const lane = async () => {
    for (const arch of queue) {
      if (signal?.aborted || !(await computeOne(arch))) return;
      progress.step();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(todo.length, workers * TASKS_PER_WORKER) }, lane));
  } finally {
    progress.end();
    await pool.destroy();
  }
}

export async function runStats(options: StatsRunOptions): Promise<StatsSummary> {
  const { space, dataset, proxies, batch, seed } = options;
  const settings: StatsSettings = { space, dataset, proxies, batch, seed };
  const dataRoot = resolveDataRoot(options.data);
  const searchSpace = checkSettings(settings, dataRoot);
  const table = searchSpace.benchmark(dataRoot);
  const archs = shardOf(archList(searchSpace, options.archs, seed, dataRoot), options.shard);
  const store = StatsStore.write(options.out ?? defaultStorePath(settings, options.shard), settings, options.warn ?? warnOnStderr);
  // Listening marks this run as one that stops cleanly (src/util/interrupt.ts), store closing included.
  const stopping = () => undefined;
  options.signal?.addEventListener("abort", stopping);
  try {
    const todo = archs.filter((arch) => !store.has(arch));
    const summary: StatsSummary = { store: store.path, total: archs.length, done: 0, skipped: archs.length - todo.length, flagged: 0, failed: [] };
    if (todo.length > 0) await computeAll(todo, store, table, { ...options, dataRoot }, summary);
    if (options.signal?.aborted && leftToCompute(summary) > summary.failed.length) summary.interrupted = true;
    return summary;
  } finally {
    store.close();
    options.signal?.removeEventListener("abort", stopping);
  }
}
