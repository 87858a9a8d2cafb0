// `parzc demo` without the CLI, on any registered space: node-wise statistics for a seeded sample
// (resumable, in the cache), ParZC trained on some of them (the space's training target: NB201's
// validation accuracy) and evaluated on the rest (its evaluation target: test accuracy) next to
// every baseline proxy and ParZC†, then a zero-shot search of the held-out pool. The sample size,
// training size, batch, baselines and where the sample is drawn are the space's (`space.demo`).
//
// Evaluation rule: an architecture is evaluated when it was not drawn for training, is not
// degenerate (no input→output path), has a finite score for every proxy of the run and a finite
// target. Every method is scored on exactly that set.
import { availableParallelism } from "node:os";
import { trainOnStats } from "../api/trainOnStats.js";
import { untrainedPositions } from "../api/untrained.js";
import { type Calibration, type PredictedValue, predictedValue } from "../model/calibration.js";
import { predictParallel } from "../model/predictParallel.js";
import type { Predictor } from "../model/predictor.js";
import { encodeStats } from "../model/features.js";
import { TRAIN_DEFAULTS } from "../model/train.js";
import { defaultStorePath } from "../pipeline/cachePath.js";
import { epochProgress } from "../pipeline/epochProgress.js";
import { withProgress, type ProgressStream } from "../pipeline/progress.js";
import type { StatsSettings } from "../pipeline/settings.js";
import { loadStats } from "../pipeline/statsData.js";
import { StatsInterrupted, runStats } from "../pipeline/statsRun.js";
import { PARZC_PROXIES } from "../proxies/index.js";
import { type BenchmarkTable, getSpace } from "../spaces/index.js";
import { InputError } from "../util/errors.js";
import { type Warn, warnOnStderr } from "../util/warn.js";
import { type MethodResult, type MethodScores, compareMethods } from "./methodComparison.js";
import { demoArchs } from "./demoSample.js";
import { requireDemoData } from "./requiredData.js";
import { selectStats } from "./statsSubset.js";
import { weightedScores } from "./weightedScores.js";
import { type SearchResult, zeroShotSearch } from "./zeroShot.js";

/** What every space's demo shares; the rest is the space's `demo` plan. */
export const DEMO_DEFAULTS = { space: "nb201", seed: 0, top: 10, samples: 8 };

export interface DemoOptions {
  /** A registered space's name (default nb201). */
  space?: string;
  /** Default: the space's demo plan. */
  sample?: number;
  trainSize?: number;
  seed?: number;
  workers?: number;
  data?: string;
  /** Progress bars and phase lines. */
  progress?: ProgressStream;
  warn?: Warn;
  /** Stops the statistics phase (Ctrl-C): runDemo then throws StatsInterrupted. */
  signal?: AbortSignal;
}

export interface DemoPoint {
  arch: string;
  index: number;
  /** ParZC's raw score (the mean over the weight samples) and its std. */
  mean: number;
  std: number;
  /** The score through the calibration: predicted training-column value (%), its std in %. */
  predicted?: PredictedValue;
  /** The true value of the evaluation column. */
  accuracy: number;
}

export interface DemoReport {
  settings: StatsSettings;
  store: string;
  targets: { train: string; evaluate: string };
  counts: {
    sampled: number;
    /** With a complete record in the store (the rest failed). */
    withStats: number;
    trained: number;
    heldOut: number;
    evaluated: number;
    excludedDegenerate: number;
    /** Held out, not degenerate, but some proxy's score is undefined (or the target is missing). */
    excludedUndefined: number;
    /** Among the held-out non-degenerate ones, how many each proxy leaves undefined. */
    undefinedBy: Record<string, number>;
  };
  methods: MethodResult[];
  /** Score → predicted training-column value, fitted on the training architectures (null if their predictions were not finite). */
  calibration: Calibration | null;
  /** How far the predicted values fall from the training column's truth on the evaluated architectures (percentage points). */
  calibrationError: { column: string; medianAbsolute: number; n: number } | null;
  /** ParZC's prediction for each evaluated architecture. */
  points: DemoPoint[];
  search: SearchResult;
  training: { epochs: number; finalLoss: number | null; stopped: string | null };
  seconds: { stats: number; train: number; predict: number; total: number };
}

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

/** Median |predicted − true| of the calibration's own column over the points that have both. */
function calibrationError(column: string, points: readonly DemoPoint[], table: BenchmarkTable): DemoReport["calibrationError"] {
  const truth = table.column(column);
  const errors = points.flatMap((p) => (p.predicted && Number.isFinite(truth[p.index]) ? [Math.abs(p.predicted.value - truth[p.index])] : []));
  if (errors.length === 0) return null;
  errors.sort((a, b) => a - b);
  const middle = errors.length >> 1;
  const medianAbsolute = errors.length % 2 ? errors[middle] : (errors[middle - 1] + errors[middle]) / 2;
  return { column, medianAbsolute, n: errors.length };
}

export async function runDemo(options: DemoOptions = {}): Promise<{ report: DemoReport; model: Predictor }> {
  const started = performance.now();
  const space = getSpace(options.space ?? DEMO_DEFAULTS.space);
  const { demo, targets } = space;
  const { sample = demo.sample, trainSize = demo.trainSize, seed = DEMO_DEFAULTS.seed, workers = availableParallelism() } = options;
  const progress = options.progress ?? process.stderr;
  const warn = options.warn ?? warnOnStderr;
  if (trainSize >= sample - 1) throw new InputError(`--train-size ${trainSize} leaves too few of --sample ${sample} to evaluate on: pick a --train-size below ${sample - 1}, or a larger --sample.`);
  const dataRoot = requireDemoData(space, options.data);
  const table = space.benchmark(dataRoot);
  const archs = demoArchs(space, table, sample, seed);
  const settings: StatsSettings = { space: space.name, dataset: "cifar10", proxies: [...PARZC_PROXIES, ...demo.baselines], batch: demo.batch, seed };
  const store = defaultStorePath(settings);

  progress.write(`demo: statistics of ${settings.proxies.length} proxies for ${sample} sampled ${space.title} architectures → ${store}\n`);
  let since = performance.now();
  const summary = await runStats({ ...settings, archs: { kind: "list", archs }, workers, out: store, data: dataRoot, progress, warn, signal: options.signal });
  if (summary.interrupted) throw new StatsInterrupted(summary);
  for (const { arch, reason } of summary.failed) warn(`failed ${arch}: ${reason} (left out; a rerun retries it)`);
  const statsSeconds = seconds(since);

  const { selected } = selectStats(loadStats(store, { warn }), archs);
  progress.write(`demo: training ParZC (MABN) on ${trainSize} architectures (${targets.train})\n`);
  since = performance.now();
  const trained = await trainOnStats(selected, { target: targets.train, trainSize, seed, space, table, source: store, warn, onEpoch: epochProgress(TRAIN_DEFAULTS.epochs, progress) });
  if (trained.stopped) warn(trained.stopped.message);
  // The statistics' settings too, so `parzc search --model` computes the same statistics.
  trained.model.provenance = { ...trained.model.provenance, stats: store, statsSettings: settings };
  const trainSeconds = seconds(since);

  const encoded = encodeStats(selected, trained.model.encoding);
  const held = untrainedPositions(encoded.archs, trained.model, table);

  since = performance.now();
  const heldOut = { archs: held.map((i) => encoded.archs[i]), features: held.map((i) => encoded.features[i]) };
  const prediction = await withProgress("demo", (onProgress) =>
    predictParallel(trained.model, heldOut, { samples: DEMO_DEFAULTS.samples, seed, workers, onProgress }), progress);
  const predictSeconds = seconds(since);

  const position = new Map(selected.archs.map((arch, i) => [arch, i]));
  const truthColumn = table.column(targets.evaluate);
  // Every drawn architecture has a row: NB201's table holds the space, NB101's sample is drawn from its rows.
  const rows = heldOut.archs.map((arch, k) => ({ arch, k, i: position.get(arch)!, index: table.rowOf(arch) }));
  const degenerate = rows.filter(({ i }) => selected.flags[i].includes("degenerate"));
  const undefinedBy: Record<string, number> = {};
  for (const proxy of settings.proxies) {
    const count = rows.filter(({ i }) => !selected.flags[i].includes("degenerate") && !Number.isFinite(selected.scores[proxy][i])).length;
    if (count > 0) undefinedBy[proxy] = count;
  }
  const evaluated = rows.filter(({ i, index }) =>
    !selected.flags[i].includes("degenerate") && Number.isFinite(truthColumn[index]) && settings.proxies.every((proxy) => Number.isFinite(selected.scores[proxy][i])));
  const truth = Float64Array.from(evaluated, ({ index }) => truthColumn[index]);
  const daggers = PARZC_PROXIES.map((proxy) => ({ proxy, scores: weightedScores(selected, proxy, "sine") }));
  const methods: MethodScores[] = [
    { method: "ParZC", kind: "parzc", scores: evaluated.map(({ k }) => prediction.mean[k]) },
    ...daggers.map(({ proxy, scores }) => ({ method: `ParZC† ${proxy}`, kind: "parzc-dagger" as const, scores: evaluated.map(({ i }) => scores[i]) })),
    ...settings.proxies.map((proxy) => ({ method: proxy, kind: "proxy" as const, scores: evaluated.map(({ i }) => selected.scores[proxy][i]) })),
  ];

  const { calibration } = trained.model;
  const points: DemoPoint[] = evaluated.map(({ arch, k, index }) => ({
    arch, index, mean: prediction.mean[k], std: prediction.std[k],
    ...(calibration ? { predicted: predictedValue(calibration, prediction.mean[k], prediction.std[k]) } : {}),
    accuracy: truthColumn[index],
  }));
  const report: DemoReport = {
    settings, store,
    targets: { train: targets.train, evaluate: targets.evaluate },
    counts: {
      sampled: archs.length, withStats: selected.archs.length, trained: (trained.model.provenance.trainIndices as number[]).length, heldOut: heldOut.archs.length,
      evaluated: evaluated.length, excludedDegenerate: degenerate.length, excludedUndefined: heldOut.archs.length - evaluated.length - degenerate.length, undefinedBy,
    },
    methods: compareMethods(methods, truth),
    calibration,
    calibrationError: calibration ? calibrationError(calibration.column, points, table) : null,
    points,
    search: zeroShotSearch(heldOut.archs, prediction.mean, prediction.std, DEMO_DEFAULTS.top, { space, table, target: targets.evaluate }, calibration),
    training: { epochs: trained.history.length, finalLoss: trained.history.at(-1)?.loss ?? null, stopped: trained.stopped?.message ?? null },
    seconds: { stats: statsSeconds, train: trainSeconds, predict: predictSeconds, total: 0 },
  };
  report.seconds.total = seconds(started);
  return { report, model: trained.model };
}
