// parzc's public API: the NB201 space, the zero-cost proxies, ParZC's encoding, the ParZC predictor
// and the rank metrics.
export { nb201 } from "./spaces/nb201/index.js";
export { getSpace, spaceNames, type AnySpace, type BenchmarkTable } from "./spaces/index.js";
export type { Nb201Arch, Nb201Dataset } from "./spaces/nb201/index.js";
export { computeProxies, getProxy, proxyNames, PARZC_PROXIES } from "./proxies/index.js";
export type { ComputeOptions, ProxyDefinition, ProxyOutput, ProxyRecord } from "./proxies/index.js";
export { encodeNodes, encodeStats, encodedSize, minMaxScale, parzcEncoding, type EncodingSettings, type NodeStats } from "./model/features.js";
export { nodeWeights, weightedScore, NODE_WEIGHTINGS, type NodeWeighting } from "./proxies/weighting.js";
export { ParZC } from "./api/parzc.js";
export type { ArchPrediction, ParZCEvaluateOptions, ParZCPredictOptions, ParZCRankOptions, ParZCTrainOptions, PredictInput, TrainedParZC, TrainingSummary } from "./api/parzc.js";
export type { StatsInput } from "./api/inputs.js";
export type { ModelSpec } from "./api/modelSpec.js";
export type { RankedArch } from "./api/ranking.js";
export type { FeatureSource } from "./model/batch.js";
export { calibrate, type Calibration, type PredictedValue } from "./model/calibration.js";
export type { ModelConfig, ModelKind, Mixing } from "./model/config.js";
export type { ModelDocument, ReadOptions } from "./model/modelFile.js";
export type { TargetScale } from "./model/predictor.js";
export { loadStats, type StatsData } from "./pipeline/statsData.js";
export type { EpochRecord, TrainingStop } from "./model/train.js";
export type { RankingMetrics } from "./metrics/ranking.js";
export { kendallTau } from "./metrics/kendall.js";
export { spearman } from "./metrics/spearman.js";
export { Engine } from "./engine/engine.js";
export { wasmBackend, wasmBackendF64 } from "./engine/backend.js";
export { InputError } from "./util/errors.js";
