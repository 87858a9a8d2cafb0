// The ParZC predictor's public API: configs, training, prediction with uncertainty, model files.
export { DEFAULT_CONFIG, DEFAULT_ARCH_ENCODER, MODEL_KINDS, MIXINGS, defaultConfig, validateConfig, type ModelConfig, type ModelKind, type Mixing, type ArchEncoderConfig } from "./config.js";
export { syntheticDataset, splitDataset, subset, sanitizeFeatures, checkDataset, type RankingDataset } from "./dataset.js";
export { train, TRAIN_DEFAULTS, type TrainOptions, type TrainResult, type EpochRecord, type TrainingStop } from "./train.js";
export { predict, type PredictOptions, type Prediction } from "./predict.js";
export { createPredictor, modelEngine, defaultEncoding, type Predictor, type Precision, type TargetScale, type EncodingSettings } from "./predictor.js";
export { readModel, parseModel, writeModel, modelDocument, MODEL_FORMAT, MODEL_VERSION } from "./modelFile.js";
export { parseLoss, formatLoss, batchLoss, diffKendallReference, diffKendallReferenceGrad, type LossTerm } from "./losses/index.js";
export { encodeStats, labelStats, type NodeStats } from "./statsDataset.js";
export { ParzcModel } from "./model.js";
