// ParZC as a library: train the predictor on proxy statistics, save and load it, predict each
// architecture's score with its uncertainty, rank and evaluate. A typed face on src/model that
// shares each step with `parzc train`, `eval` and `rank` (the other files of src/api/).
import type { RankingMetrics } from "../metrics/ranking.js";
import type { FeatureSource } from "../model/batch.js";
import { type Calibration, type PredictedValue, predictedValues } from "../model/calibration.js";
import type { ModelConfig } from "../model/config.js";
import { modelDocument, parseModel, readModel, writeModel, type ModelDocument, type ReadOptions } from "../model/modelFile.js";
import type { EncodingSettings } from "../model/features.js";
import { predictParallel, type ParallelOptions } from "../model/predictParallel.js";
import type { Predictor, TargetScale } from "../model/predictor.js";
import type { TrainResult } from "../model/train.js";
import { InputError } from "../util/errors.js";
import { checkOutputFile } from "../util/safeFiles.js";
import { warnOnStderr, type Warn } from "../util/warn.js";
import { evaluateOnStats, type EvaluationOptions } from "./evaluateOnStats.js";
import { benchmarkTable, encodeForModel, readStatsInput, requireModelSpace, type ReadStats, type StatsInput } from "./inputs.js";
import { rankPrediction, type RankedArch } from "./ranking.js";
import { trainOnStats, type StatsTrainingOptions } from "./trainOnStats.js";

interface Reporting {
  /** Where warnings go (architectures left out, values masked); default: one line on stderr. */
  warn?: Warn;
}

interface DataOption {
  /** Data folder with the space's benchmark table (default: $PARZC_DATA, then the package's data/, then ../shared/data). */
  data?: string;
}

export interface ParZCTrainOptions extends Omit<StatsTrainingOptions, "space" | "table" | "source" | "warn">, Reporting, DataOption {
  /** The space of records or arrays, which do not say (default nb201); a store names its own, and a different one here is refused. */
  space?: string;
}

export interface ParZCPredictOptions extends ParallelOptions, Reporting {}

export interface ParZCRankOptions extends ParZCPredictOptions {
  /** How many to return (default 10). */
  top?: number;
}

export interface ParZCEvaluateOptions extends Omit<EvaluationOptions, "table" | "source" | "warn">, Reporting, DataOption {}

/** Stats to encode, or feature vectors already encoded with the model's encoding. */
export type PredictInput = StatsInput | FeatureSource;

/** Per architecture (those the input had node vectors for), the mean and std over K weight samples. */
export interface ArchPrediction {
  archs: string[];
  mean: Float64Array;
  std: Float64Array;
  samples: number;
  /** Feature values that were NaN/±Inf and were read as 0. */
  masked: number;
  /**
   * Each mean through the model's calibration: the predicted value of its training column (%), with
   * the std in the same units; null for a model file written before calibrations were stored.
   */
  predicted: PredictedValue[] | null;
}

/** What training reported: loss per epoch, an early stop on a non-finite loss, the time taken. */
export type TrainingSummary = Omit<TrainResult, "model">;

/** A model from ParZC.train, which holds what training reported. */
export type TrainedParZC = ParZC & { readonly training: TrainingSummary };

export class ParZC {
  private constructor(
    /** The underlying predictor (src/model), for what this class does not cover. */
    readonly predictor: Predictor,
    /** Set on a model trained in this process; null on one loaded from a file. */
    readonly training: TrainingSummary | null = null,
  ) {}

  static async train(stats: StatsInput, options: ParZCTrainOptions): Promise<TrainedParZC> {
    const warn = options.warn ?? warnOnStderr;
    const { stats: nodeStats, source, settings, space } = readStatsInput(stats, warn, options.space);
    if (options.space !== undefined && options.space !== space.name) {
      throw new InputError(`space ${options.space} was asked for, but ${source} holds ${space.title} statistics (space ${space.name}): leave the space out to use the store's, or pass statistics of ${options.space}.`);
    }
    const { model, ...summary } = await trainOnStats(nodeStats, { ...options, warn, source, space, table: benchmarkTable(space, options.data) });
    if (settings) model.provenance = { ...model.provenance, stats: source, statsSettings: settings };
    return new ParZC(model, summary) as TrainedParZC;
  }

  /** A model file written by save() or `parzc train --out`. */
  static async load(path: string, options: ReadOptions = {}): Promise<ParZC> {
    return new ParZC(await readModel(path, options));
  }

  /** A model document (toJSON()) or its JSON text; `source` names it in messages. */
  static async fromJSON(json: string | ModelDocument, source = "the model JSON", options: ReadOptions = {}): Promise<ParZC> {
    return new ParZC(await parseModel(typeof json === "string" ? json : JSON.stringify(json), source, options));
  }

  get config(): ModelConfig {
    return this.predictor.config;
  }

  /** The search space whose statistics it reads. */
  get space(): string {
    return this.predictor.net.space.name;
  }

  get encoding(): EncodingSettings {
    return this.predictor.encoding;
  }

  /** The column it learned and the scale its outputs are mapped back by. */
  get target(): TargetScale {
    return this.predictor.targetScale;
  }

  /** Score → predicted value of the training column, fitted on the training architectures; null in older files. */
  get calibration(): Calibration | null {
    return this.predictor.calibration;
  }

  get provenance(): Record<string, unknown> {
    return this.predictor.provenance;
  }

  /** The model file's document, so JSON.stringify(model) gives the file's text. */
  toJSON(): ModelDocument {
    return modelDocument(this.predictor);
  }

  /** Writes the model file atomically; never over a link, a device or the store it was trained on. */
  save(path: string): void {
    const { stats } = this.provenance;
    checkOutputFile(path, { what: "model file", inputs: typeof stats === "string" ? [stats] : [] });
    writeModel(path, this.predictor);
  }

  async predict(input: PredictInput, options: ParZCPredictOptions = {}): Promise<ArchPrediction> {
    const data = this.features(input, options.warn ?? warnOnStderr);
    const prediction = await predictParallel(this.predictor, data, options);
    return { archs: [...data.archs], ...prediction, predicted: predictedValues(this.predictor.calibration, prediction.mean, prediction.std) };
  }

  /** The `top` best architectures by predicted mean, best first (with the calibrated value where the model has one). */
  async rank(input: PredictInput, options: ParZCRankOptions = {}): Promise<RankedArch[]> {
    const prediction = await this.predict(input, options);
    return rankPrediction(prediction.archs, prediction, options.top ?? 10);
  }

  /** Kendall τ-b, Spearman ρ, precision@top-5% and best-of-top-10 against a column of its space's benchmark table, leaving out the training architectures. */
  async evaluate(stats: StatsInput, options: ParZCEvaluateOptions = {}): Promise<RankingMetrics> {
    const warn = options.warn ?? warnOnStderr;
    const read = this.statsOf(stats, warn);
    return evaluateOnStats(this.predictor, read.stats, { ...options, warn, source: read.source, table: benchmarkTable(read.space, options.data) });
  }

  private features(input: PredictInput, warn: Warn): FeatureSource {
    if (typeof input === "object" && "features" in input) return input;
    const { stats, source } = this.statsOf(input, warn);
    return encodeForModel(stats, this.predictor.encoding, source, warn);
  }

  /** The statistics read, which must be of the model's space (records and arrays are taken to be). */
  private statsOf(input: StatsInput, warn: Warn): ReadStats {
    const read = readStatsInput(input, warn, this.space);
    requireModelSpace(this.predictor, read);
    return read;
  }
}
