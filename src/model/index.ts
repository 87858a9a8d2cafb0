// The ParZC predictor's public API: configs, training, prediction with uncertainty, model files.
export { DEFAULT_CONFIG, DEFAULT_ARCH_ENCODER, MODEL_KINDS, MIXINGS, archEncoderFor, defaultConfig, validateConfig, type ModelConfig, type ModelKind, type Mixing, type ArchEncoderConfig, type ArchEncoderSize } from "./config.js";
export { syntheticDataset, splitDataset, subset, checkDataset, type RankingDataset } from "./dataset.js";
export { encodeNodes, encodeStats, encodedSize, magnitudeFeatures, minMaxScale, parzcEncoding, sanitizeFeatures, type EncodingSettings, type NodeStats } from "./features.js";
export { train, TRAIN_DEFAULTS, type TrainOptions, type TrainResult, type EpochRecord, type TrainingStop } from "./train.js";
export { predict, type PredictOptions, type Prediction } from "./predict.js";
export { createPredictor, modelEngine, type Predictor, type Precision, type TargetScale } from "./predictor.js";
export { readModel, parseModel, writeModel, modelDocument, MODEL_FORMAT, MODEL_VERSION } from "./modelFile.js";
export { parseLoss, formatLoss, batchLoss, diffKendallReference, diffKendallReferenceGrad, type LossTerm } from "./losses/index.js";
export { labelStats } from "./statsDataset.js";
export { ParzcModel } from "./model.js";
