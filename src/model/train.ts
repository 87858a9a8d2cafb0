// Training (parzc-method.md §4): targets standardised by the training set's mean and std, seeded
// shuffles into batches, ε redrawn every forward, the summed loss, Adam with weight decay and a
// cosine schedule stepped per epoch. One seed drives initialisation, shuffles and ε, so the same
// seed on the same build gives the same weights. A non-finite loss stops training and rolls the
// weights back to the last epoch that finished cleanly.
import { addAll } from "../engine/ops/add.js";
import { Random } from "../util/random.js";
import { InputError } from "../util/errors.js";
import { batchTensors } from "./batch.js";
import { fitCalibration } from "./calibration.js";
import { type ModelConfig } from "./config.js";
import { checkDataset, type RankingDataset } from "./dataset.js";
import { sanitizeFeatures } from "./features.js";
import { batchLoss, formatLoss, parseLoss, DEFAULT_ALPHA } from "./losses/index.js";
import { Adam, cosineLearningRate } from "./optimizer.js";
import { predict } from "./predict.js";
import { LARGE_DATA, sizeDefaults } from "./sizeDefaults.js";
import { createPredictor, type CreateOptions, type InputScale, type Predictor } from "./predictor.js";

export interface TrainOptions extends Omit<CreateOptions, "seed" | "targetScale"> {
  seed?: number;
  epochs?: number;
  batchSize?: number;
  lr?: number;
  weightDecay?: number;
  /** AdamW instead of Adam's L2 term. */
  decoupledWeightDecay?: boolean;
  /** "dk", "pw", "mse" or a sum such as "mse+dk". */
  loss?: string;
  /** DiffKendall's α. */
  alpha?: number;
  /** Name of the target column, kept in the model. */
  targetColumn?: string;
  /** Called after each epoch (progress, validation). */
  onEpoch?(record: EpochRecord, model: Predictor): void;
}

export interface EpochRecord {
  epoch: number;
  loss: number;
  lr: number;
  seconds: number;
}

export interface TrainingStop {
  epoch: number;
  step: number;
  /** The epoch whose weights the model holds now (−1: the initial weights). */
  keptEpoch: number;
  message: string;
}

export interface TrainResult {
  model: Predictor;
  history: EpochRecord[];
  /** Set when a non-finite loss stopped training early. */
  stopped?: TrainingStop;
  /** NaN/±Inf feature values read as 0. */
  masked: number;
  seconds: number;
}

/**
 * ParZC's NB201 protocol (§4: 200 epochs, batch 10, Adam wd 1e-3, DiffKendall α = 0.5), except the
 * learning rate: 3e-4 instead of 1e-4 gave +0.01–0.03 Kendall τ at 156 architectures here, and
 * 1e-3 below SMALL_TRAIN_SIZE architectures (./sizeDefaults.ts), which is what `lr` defaults to.
 */
export const TRAIN_DEFAULTS = { epochs: 200, batchSize: 10, lr: LARGE_DATA.lr, weightDecay: 1e-3, loss: "dk", alpha: DEFAULT_ALPHA };

/** Mean and std of the columns from `from` on over the training features (std 1 where constant). */
function fitInputScale(features: readonly Float32Array[], from: number, size: number): InputScale | null {
  if (from >= size) return null;
  const scale: InputScale = { from, mean: [], std: [] };
  for (let j = from; j < size; j++) {
    const { mean, std } = meanAndStd(Float64Array.from(features, (f) => f[j]));
    scale.mean.push(mean);
    scale.std.push(std);
  }
  return scale;
}

function meanAndStd(values: Float64Array): { mean: number; std: number } {
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / Math.max(1, values.length - 1);
  return { mean, std: Math.sqrt(variance) || 1 };
}

export async function train(config: ModelConfig, data: RankingDataset, options: TrainOptions = {}): Promise<TrainResult> {
  const started = performance.now();
  const {
    seed = 0, epochs = TRAIN_DEFAULTS.epochs, batchSize = TRAIN_DEFAULTS.batchSize, lr = sizeDefaults(data.archs.length).lr,
    weightDecay = TRAIN_DEFAULTS.weightDecay, loss = TRAIN_DEFAULTS.loss, alpha = TRAIN_DEFAULTS.alpha,
  } = options;
  const terms = parseLoss(loss);
  if (!Number.isInteger(epochs) || epochs < 1) throw new InputError(`--epochs ${epochs}: expected a positive integer.`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new InputError(`--batch-size ${batchSize}: expected a positive integer.`);
  if (!(lr > 0)) throw new InputError(`--lr ${lr}: expected a positive number.`);
  checkDataset(data, config.inputSize);
  const { features, masked } = sanitizeFeatures(data.features);
  const source = { archs: data.archs, features };
  const scale = meanAndStd(data.targets);
  const targets = data.targets.map((t) => (t - scale.mean) / scale.std);

  const model = await createPredictor(config, { ...options, seed, targetScale: { column: options.targetColumn ?? "", ...scale } });
  const { encoding } = model;
  const inputScale = fitInputScale(features, encoding.proxies.length * encoding.maxNodes, config.inputSize);
  model.inputScale = inputScale;
  const { rt, net } = model;
  const random = new Random(seed ^ 0x9e3779b9); // shuffles and ε; the weights drew from Random(seed)
  const adam = new Adam(rt, net.params, { lr, weightDecay, decoupled: options.decoupledWeightDecay });
  const history: EpochRecord[] = [];
  let lastGood = net.params.snapshot();
  let stopped: TrainingStop | undefined;
  const n = data.archs.length;
  let step = 0;

  for (let epoch = 0; epoch < epochs && !stopped; epoch++) {
    const epochStart = performance.now();
    const rate = cosineLearningRate(lr, epoch, epochs);
    const order = random.shuffle(Array.from({ length: n }, (_, i) => i));
    let total = 0, batches = 0;
    for (let start = 0; start < n; start += batchSize) {
      const indices = order.slice(start, start + batchSize);
      const batchTargets = Float64Array.from(indices, (i) => targets[i]);
      net.resample(random);
      net.params.attachGradients();
      step++;
      const value = rt.engine.withPass(() => {
        // One loss per ensemble member, summed: Adam is elementwise, so each member trains as if alone.
        const members = net.forwardMembers(rt, batchTensors(rt, net, source, indices, inputScale));
        const lossTensor = addAll(rt.engine, members.map((predictions) => batchLoss(rt, terms, predictions, batchTargets, { alpha })));
        const value = rt.engine.read(lossTensor)[0] / members.length;
        if (!Number.isFinite(value)) return value;
        rt.engine.backward(lossTensor);
        adam.step(rate);
        return value;
      });
      if (!Number.isFinite(value)) {
        net.params.restore(lastGood);
        stopped = {
          epoch, step, keptEpoch: epoch - 1,
          message: `training stopped in epoch ${epoch + 1}, step ${step}: the ${formatLoss(terms)} loss became ${value}. ` +
            `The weights were rolled back to ${epoch === 0 ? "their initial values" : `the end of epoch ${epoch}`}. ` +
            "Try a lower --lr, or check the features for extreme values.",
        };
        break;
      }
      total += value;
      batches++;
    }
    net.params.detachGradients();
    if (stopped) break;
    lastGood = net.params.snapshot();
    const record = { epoch: epoch + 1, loss: total / batches, lr: rate, seconds: (performance.now() - epochStart) / 1000 };
    history.push(record);
    options.onEpoch?.(record, model);
  }
  net.params.detachGradients();
  // Score → target units, fitted on the training set's own predictions (the mean of the default K samples).
  const { mean } = predict(model, source, { seed });
  model.calibration = mean.every(Number.isFinite) ? fitCalibration(model.targetScale.column, mean, data.targets) : null;
  model.provenance = {
    seed, epochs, batchSize, lr, weightDecay, decoupledWeightDecay: options.decoupledWeightDecay ?? false,
    loss: formatLoss(terms), alpha, schedule: "cosine (per epoch, eta_min 0)", optimizer: "adam",
    trainSize: n, precision: options.precision ?? "f32", backend: rt.matmul.name,
    finalLoss: history.at(-1)?.loss ?? null, epochsCompleted: history.length,
    ...(stopped ? { stopped: stopped.message } : {}),
  };
  return { model, history, stopped, masked, seconds: (performance.now() - started) / 1000 };
}
