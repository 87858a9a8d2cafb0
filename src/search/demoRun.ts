// `parzc demo` without the CLI: node-wise statistics for a seeded sample of NB201 (resumable, in
// the cache), ParZC trained on some of them (validation accuracy) and evaluated on the rest (test
// accuracy) next to every baseline proxy and ParZC†, then a zero-shot search of the held-out pool.
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
import { archList } from "../pipeline/archList.js";
import { defaultStorePath } from "../pipeline/cachePath.js";
import { epochProgress } from "../pipeline/epochProgress.js";
import { withProgress, type ProgressStream } from "../pipeline/progress.js";
import type { StatsSettings } from "../pipeline/settings.js";
import { loadStats } from "../pipeline/statsData.js";
import { StatsInterrupted, runStats } from "../pipeline/statsRun.js";
import { PARZC_PROXIES } from "../proxies/index.js";
import { nb201 } from "../spaces/nb201/index.js";
import { type Nb201Table, nb201TableFile } from "../spaces/nb201/table.js";
import { InputError } from "../util/errors.js";
import { type Warn, warnOnStderr } from "../util/warn.js";
import { type MethodResult, type MethodScores, compareMethods } from "./methodComparison.js";
import { requireDemoData } from "./requiredData.js";
import { selectStats } from "./statsSubset.js";
import { weightedScores } from "./weightedScores.js";
import { type SearchResult, zeroShotSearch } from "./zeroShot.js";

/** The rest of NAS-Bench-Suite-Zero's NB201 set (ParZC's own three come first in the run). */
export const DEMO_BASELINES = ["fisher", "grasp", "l2_norm", "plain", "jacov", "epe_nas", "nwot", "zen", "params", "flops"] as const;
export const DEMO_DEFAULTS = { sample: 280, trainSize: 120, seed: 0, batch: 16, top: 10, samples: 8 };
/** ParZC trains on validation accuracy and is evaluated on test accuracy (parzc-method.md §4). */
export const TRAIN_TARGET = "c10v_valid_200";
export const EVAL_TARGET = "c10_test_200";

export interface DemoOptions {
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
function calibrationError(column: string, points: readonly DemoPoint[], table: Nb201Table): DemoReport["calibrationError"] {
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
  const { sample = DEMO_DEFAULTS.sample, trainSize = DEMO_DEFAULTS.trainSize, seed = DEMO_DEFAULTS.seed, workers = availableParallelism() } = options;
  const progress = options.progress ?? process.stderr;
  const warn = options.warn ?? warnOnStderr;
  if (trainSize >= sample - 1) throw new InputError(`--train-size ${trainSize} leaves too few of --sample ${sample} to evaluate on: pick a --train-size below ${sample - 1}, or a larger --sample.`);
  const dataRoot = requireDemoData(options.data);
  const table = nb201.table(nb201TableFile(dataRoot));
  const settings: StatsSettings = { space: nb201.name, dataset: "cifar10", proxies: [...PARZC_PROXIES, ...DEMO_BASELINES], batch: DEMO_DEFAULTS.batch, seed };
  const store = defaultStorePath(settings);
  const spec = { kind: "sample", count: sample } as const;

  progress.write(`demo: statistics of ${settings.proxies.length} proxies for ${sample} sampled NB201 architectures → ${store}\n`);
  let since = performance.now();
  const summary = await runStats({ ...settings, archs: spec, workers, out: store, data: dataRoot, progress, warn, signal: options.signal });
  if (summary.interrupted) throw new StatsInterrupted(summary);
  for (const { arch, reason } of summary.failed) warn(`failed ${arch}: ${reason} (left out; a rerun retries it)`);
  const statsSeconds = seconds(since);

  const archs = archList(nb201, spec, seed);
  const { selected } = selectStats(loadStats(store, { warn }), archs);
  progress.write(`demo: training ParZC (MABN) on ${trainSize} architectures (${TRAIN_TARGET})\n`);
  since = performance.now();
  const trained = await trainOnStats(selected, { target: TRAIN_TARGET, trainSize, seed, space: nb201, table, source: store, warn, onEpoch: epochProgress(TRAIN_DEFAULTS.epochs, progress) });
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
  const truthColumn = table.column(EVAL_TARGET);
  const rows = heldOut.archs.map((arch, k) => ({ arch, k, i: position.get(arch)!, index: table.indexOf(arch) }));
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
    targets: { train: TRAIN_TARGET, evaluate: EVAL_TARGET },
    counts: {
      sampled: archs.length, withStats: selected.archs.length, trained: (trained.model.provenance.trainIndices as number[]).length, heldOut: heldOut.archs.length,
      evaluated: evaluated.length, excludedDegenerate: degenerate.length, excludedUndefined: heldOut.archs.length - evaluated.length - degenerate.length, undefinedBy,
    },
    methods: compareMethods(methods, truth),
    calibration,
    calibrationError: calibration ? calibrationError(calibration.column, points, table) : null,
    points,
    search: zeroShotSearch(heldOut.archs, prediction.mean, prediction.std, DEMO_DEFAULTS.top, table, EVAL_TARGET, calibration),
    training: { epochs: trained.history.length, finalLoss: trained.history.at(-1)?.loss ?? null, stopped: trained.stopped?.message ?? null },
    seconds: { stats: statsSeconds, train: trainSeconds, predict: predictSeconds, total: 0 },
  };
  report.seconds.total = seconds(started);
  return { report, model: trained.model };
}
