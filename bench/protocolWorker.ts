// One cell of the protocol table (bench/protocol.ts) on a worker thread: train on `trainSize`
// architectures of the store drawn with `seed` (target trainColumn), evaluate on all the others
// (each evalColumn), return the metrics, and each proxy's on the same architectures. The store's
// space says how to encode it and which benchmark table to read; both are read once per thread.
import { rankingMetrics, type RankingMetrics } from "../src/metrics/ranking.js";
import { archEncoderFor, type ConfigOverrides, defaultConfig, type ModelConfig } from "../src/model/config.js";
import { splitDataset } from "../src/model/dataset.js";
import { encodeStats, encodedSize, parzcEncoding, type EncodedStats } from "../src/model/features.js";
import { predict } from "../src/model/predict.js";
import { sizeDefaults } from "../src/model/sizeDefaults.js";
import { labelStats } from "../src/model/statsDataset.js";
import { train } from "../src/model/train.js";
import { resolveDataRoot } from "../src/data/paths.js";
import { loadStats, type StatsData } from "../src/pipeline/statsData.js";
import { type AnySpace, type BenchmarkTable, getSpace } from "../src/spaces/index.js";

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
  /** Per evaluation column, each of the store's proxies on the same held-out architectures. */
  proxies: Record<string, Record<string, RankingMetrics>>;
  seconds: number;
}

interface LoadedStore {
  stats: StatsData;
  space: AnySpace;
  table: BenchmarkTable;
  encoded: Map<boolean, EncodedStats>;
}
const stores = new Map<string, LoadedStore>();
const PASSES_PER_ARCH = 8;

function loaded(path: string): LoadedStore {
  let held = stores.get(path);
  if (!held) {
    const stats = loadStats(path, { warn: () => {} });
    const space = getSpace(stats.settings.space);
    held = { stats, space, table: space.benchmark(resolveDataRoot()), encoded: new Map() };
    stores.set(path, held);
  }
  return held;
}

export default async function runJob(job: ProtocolJob): Promise<ProtocolResult> {
  const store = loaded(job.store);
  const { table } = store;
  const encoding = parzcEncoding(store.space, job.magnitudes);
  let encoded = store.encoded.get(job.magnitudes);
  if (!encoded) {
    encoded = encodeStats(store.stats, encoding);
    store.encoded.set(job.magnitudes, encoded);
  }
  const labelled = labelStats(encoded, table, job.trainColumn);
  const { train: trainSet, trainIndices } = splitDataset(labelled, job.trainSize, job.seed);
  // Ensemble members follow the training-set size unless the variant fixes them (the learning rate does so inside train()).
  const sized = defaultConfig(job.config.kind, { members: sizeDefaults(job.trainSize).members, ...job.config, inputSize: encodedSize(encoding) });
  // The architecture encoder reads the store's space's cells (NB201: 6 edges over 5 ops, as before).
  const config = { ...sized, archEncoder: sized.archEncoder && archEncoderFor(store.space, sized.archEncoder) };
  const result = await train(config, trainSet, { space: store.space.name, encoding, seed: job.seed, epochs: job.epochs, loss: job.loss, lr: job.lr, alpha: job.alpha, batchSize: job.batchSize, targetColumn: job.trainColumn });
  const trained = new Set(trainIndices.map((i) => labelled.archs[i]));
  const others = encoded.archs.map((_, i) => i).filter((i) => !trained.has(encoded!.archs[i]));
  // 8 network passes per architecture whatever the ensemble size: K = 8 / members weight samples.
  const samples = Math.max(1, Math.round(PASSES_PER_ARCH / config.members));
  const prediction = predict(result.model, { archs: others.map((i) => encoded!.archs[i]), features: others.map((i) => encoded!.features[i]) }, { samples });
  const metrics: Record<string, RankingMetrics> = {};
  const proxies: Record<string, Record<string, RankingMetrics>> = {};
  const storeRow = new Map(store.stats.archs.map((arch, i) => [arch, i]));
  for (const column of job.evalColumns) {
    const truth = table.column(column);
    const truthOf = others.map((i) => truth[table.rowOf(encoded!.archs[i])] ?? NaN);
    metrics[column] = rankingMetrics(prediction.mean, truthOf);
    proxies[column] = Object.fromEntries(Object.entries(store.stats.scores).map(([proxy, scores]) =>
      [proxy, rankingMetrics(others.map((i) => scores[storeRow.get(encoded!.archs[i])!]), truthOf)]));
  }
  return { job, settings: { members: config.members, lr: result.model.provenance.lr }, metrics, proxies, seconds: result.seconds };
}
