// One cell of the protocol table (bench/protocol.ts) on a worker thread: train on `trainSize`
// architectures of the store drawn with `seed` (target trainColumn), evaluate on all the others
// (each evalColumn), return the metrics. The store and the table are read once per thread.
import { rankingMetrics, type RankingMetrics } from "../src/metrics/ranking.js";
import { type ConfigOverrides, defaultConfig, type ModelConfig } from "../src/model/config.js";
import { splitDataset } from "../src/model/dataset.js";
import { encodeStats, encodedSize, parzcEncoding, type EncodedStats } from "../src/model/features.js";
import { predict } from "../src/model/predict.js";
import { sizeDefaults } from "../src/model/sizeDefaults.js";
import { labelStats } from "../src/model/statsDataset.js";
import { train } from "../src/model/train.js";
import { loadStats } from "../src/pipeline/statsData.js";
import { nb201 } from "../src/spaces/nb201/index.js";

export interface ProtocolJob {
  store: string;
  variant: string;
  config: ConfigOverrides & { kind: ModelConfig["kind"] };
  /** Append the log-magnitude features (src/model/features.ts). */
  magnitudes: boolean;
  loss: string;
  trainSize: number;
  seed: number;
  trainColumn: string;
  evalColumns: string[];
  epochs: number;
  lr?: number;
  alpha?: number;
  batchSize?: number;
}

export interface ProtocolResult {
  job: ProtocolJob;
  /** What the run used after the size-dependent defaults (src/model/sizeDefaults.ts). */
  settings: { members: number; lr: unknown };
  metrics: Record<string, RankingMetrics>;
  seconds: number;
}

const stores = new Map<string, EncodedStats>();
const PASSES_PER_ARCH = 8;

export default async function runJob(job: ProtocolJob): Promise<ProtocolResult> {
  const encoding = parzcEncoding(nb201, job.magnitudes);
  const key = `${job.magnitudes}:${job.store}`;
  let encoded = stores.get(key);
  if (!encoded) {
    encoded = encodeStats(loadStats(job.store, { warn: () => {} }), encoding);
    stores.set(key, encoded);
  }
  const table = nb201.table();
  const labelled = labelStats(encoded, table, job.trainColumn);
  const { train: trainSet, trainIndices } = splitDataset(labelled, job.trainSize, job.seed);
  // Ensemble members follow the training-set size unless the variant fixes them (the learning rate does so inside train()).
  const config = defaultConfig(job.config.kind, { members: sizeDefaults(job.trainSize).members, ...job.config, inputSize: encodedSize(encoding) });
  const result = await train(config, trainSet, { encoding, seed: job.seed, epochs: job.epochs, loss: job.loss, lr: job.lr, alpha: job.alpha, batchSize: job.batchSize, targetColumn: job.trainColumn });
  const trained = new Set(trainIndices.map((i) => labelled.archs[i]));
  const others = encoded.archs.map((_, i) => i).filter((i) => !trained.has(encoded!.archs[i]));
  // 8 network passes per architecture whatever the ensemble size: K = 8 / members weight samples.
  const samples = Math.max(1, Math.round(PASSES_PER_ARCH / config.members));
  const prediction = predict(result.model, { archs: others.map((i) => encoded!.archs[i]), features: others.map((i) => encoded!.features[i]) }, { samples });
  const metrics: Record<string, RankingMetrics> = {};
  for (const column of job.evalColumns) {
    const truth = table.column(column);
    metrics[column] = rankingMetrics(prediction.mean, others.map((i) => truth[table.indexOf(encoded!.archs[i])]));
  }
  return { job, settings: { members: config.members, lr: result.model.provenance.lr }, metrics, seconds: result.seconds };
}
