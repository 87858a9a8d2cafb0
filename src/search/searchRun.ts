// `parzc search` without the CLI: compute whatever statistics the pool lacks (resumable, into
// the store the ranker's settings name), rank the pool with a ParZC model (mean and std of K
// weight samples) or with one zero-cost proxy (or its ParZC† reweighting), and report the top N.
import { existsSync } from "node:fs";
import { type ArchSpec, archList } from "../pipeline/archList.js";
import { defaultStorePath } from "../pipeline/cachePath.js";
import { withProgress, type ProgressStream } from "../pipeline/progress.js";
import type { StatsSettings } from "../pipeline/settings.js";
import { loadStats } from "../pipeline/statsData.js";
import { runStats } from "../pipeline/statsRun.js";
import { StatsStore } from "../pipeline/store.js";
import { predictParallel } from "../model/predictParallel.js";
import type { Predictor } from "../model/predictor.js";
import { encodeStats } from "../model/features.js";
import { targetColumn } from "../model/statsDataset.js";
import { getProxy } from "../proxies/index.js";
import type { NodeWeighting } from "../proxies/weighting.js";
import { type AnySpace, getSpace } from "../spaces/index.js";
import { resolveDataRoot } from "../data/paths.js";
import { InputError } from "../util/errors.js";
import { type Warn, warnOnStderr } from "../util/warn.js";
import { selectStats } from "./statsSubset.js";
import { nodeWiseProxies, weightedScores } from "./weightedScores.js";
import { type SearchResult, zeroShotSearch } from "./zeroShot.js";

export type Ranker =
  | { kind: "model"; model: Predictor; samples: number }
  | { kind: "proxy"; proxy: string; weighting?: NodeWeighting; batch: number };

export interface SearchOptions {
  /** The space's name (--space); a model must have been trained on it. */
  space: string;
  pool: ArchSpec;
  top: number;
  /** Seeds the pool's sample and the weight samples; for a proxy, also its statistics. */
  seed: number;
  /** The benchmark column of the true accuracies (default: the space's evaluation target). */
  target?: string;
  workers?: number;
  /** The store; default: the cache store of the ranker's settings. */
  stats?: string;
  data?: string;
  progress?: ProgressStream;
  warn?: Warn;
}

export interface SearchOutcome {
  method: string;
  settings: StatsSettings;
  store: string;
  pool: number;
  result: SearchResult;
}

/** The statistics a ranker needs on `space`: a model's encoding proxies with the batch, seed and dataset it was trained on. */
export function rankerSettings(ranker: Ranker, space: AnySpace, seed: number, warn: Warn): StatsSettings {
  if (ranker.kind === "proxy") {
    const proxy = getProxy(ranker.proxy);
    if (ranker.weighting && proxy.reduction === "none") throw new InputError(`--weighting: proxy "${proxy.name}" has no node-wise form, so ParZC† cannot reweight it; pick one of ${nodeWiseProxies().join(", ")}.`);
    return { space: space.name, dataset: "cifar10", proxies: [proxy.name], batch: ranker.batch, seed };
  }
  const trained = ranker.model.net.space;
  if (trained.name !== space.name) {
    throw new InputError(`--space ${space.name} (${space.title}), but the model was trained on ${trained.title} (space ${trained.name}): pass --space ${trained.name}, or a model trained on ${space.name} statistics.`);
  }
  const trainedOn = ranker.model.provenance.statsSettings as Partial<StatsSettings> | undefined;
  if (!trainedOn) warn("the model file does not record the statistics it was trained on; assuming cifar10, batch 16, seed 0.");
  return { space: space.name, dataset: trainedOn?.dataset ?? "cifar10", proxies: [...ranker.model.encoding.proxies], batch: trainedOn?.batch ?? 16, seed: trainedOn?.seed ?? 0 };
}

/**
 * An existing --stats store with more proxies than needed (a full run's) is used with its own
 * settings; any other mismatch is left to the store, which names the differing flag.
 */
function storeSettings(path: string, needed: StatsSettings, warn: Warn): StatsSettings {
  if (!existsSync(path)) return needed;
  const held = StatsStore.read(path, warn).settings;
  const covers = needed.proxies.every((proxy) => held.proxies.includes(proxy));
  const same = held.space === needed.space && held.dataset === needed.dataset && held.batch === needed.batch && held.seed === needed.seed;
  return covers && same ? held : needed;
}

function methodName(ranker: Ranker): string {
  if (ranker.kind === "model") return "ParZC";
  return ranker.weighting ? `ParZC† ${ranker.proxy} (${ranker.weighting})` : ranker.proxy;
}

export async function runSearch(ranker: Ranker, options: SearchOptions): Promise<SearchOutcome> {
  const warn = options.warn ?? warnOnStderr;
  const progress = options.progress ?? process.stderr;
  const space = getSpace(options.space);
  const needed = rankerSettings(ranker, space, options.seed, warn);
  const dataRoot = resolveDataRoot(options.data);
  const table = space.benchmark(dataRoot);
  const target = options.target ?? space.targets.evaluate;
  targetColumn(table, target); // a bad --target stops here, with the table's list of columns
  const truth = { space, table, target };
  const store = options.stats ?? defaultStorePath(needed);
  const settings = storeSettings(store, needed, warn);
  const archs = archList(space, options.pool, options.seed, dataRoot);

  progress.write(`search: statistics of ${settings.proxies.join(", ")} for ${archs.length} architectures → ${store}\n`);
  const summary = await runStats({ ...settings, archs: options.pool, workers: options.workers, out: store, data: dataRoot, progress, warn });
  for (const { arch, reason } of summary.failed) warn(`failed ${arch}: ${reason} (not ranked; a rerun retries it)`);
  const withNodes = ranker.kind === "model" || ranker.weighting !== undefined;
  const { selected } = selectStats(loadStats(store, { nodes: withNodes, warn }), archs);

  let result: SearchResult;
  if (ranker.kind === "model") {
    const encoded = encodeStats(selected, ranker.model.encoding);
    if (encoded.missingNodes > 0) warn(`${encoded.missingNodes} architecture(s) lack node vectors of ${ranker.model.encoding.proxies.join(", ")} and are not ranked.`);
    progress.write(`search: predicting ${encoded.archs.length} architectures with K=${ranker.samples} weight samples\n`);
    const prediction = await withProgress("search", (onProgress) =>
      predictParallel(ranker.model, encoded, { samples: ranker.samples, seed: options.seed, workers: options.workers, onProgress }), progress);
    result = zeroShotSearch(encoded.archs, prediction.mean, prediction.std, options.top, truth, ranker.model.calibration);
  } else {
    const scores = ranker.weighting ? weightedScores(selected, ranker.proxy, ranker.weighting) : selected.scores[ranker.proxy];
    result = zeroShotSearch(selected.archs, scores, undefined, options.top, truth);
  }
  return { method: methodName(ranker), settings, store, pool: archs.length, result };
}
