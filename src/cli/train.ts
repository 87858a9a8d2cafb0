// `parzc train`: fit the ParZC predictor on N architectures drawn (seeded) from a stats store, with
// targets from a benchmark column (ParZC trains on validation accuracy), and write a model file.
import { Command, Option } from "commander";
import { BACKEND_CHOICES, selectMatmul, type BackendChoice } from "../backends/index.js";
import { DEFAULT_ARCH_ENCODER, MIXINGS, MODEL_KINDS, defaultConfig, type Mixing, type ModelKind } from "../model/config.js";
import { splitDataset } from "../model/dataset.js";
import { writeModel } from "../model/modelFile.js";
import { defaultEncoding, encodedSize } from "../model/predictor.js";
import { labelStats } from "../model/statsDataset.js";
import { TRAIN_DEFAULTS, train } from "../model/train.js";
import { benchmarkTable, storeFeatures } from "./modelInputs.js";
import { integerAtLeast, nonNegativeNumber, positiveNumber } from "./optionParsers.js";
import { warnOnStderr } from "../util/warn.js";

interface TrainCliOptions {
  stats: string;
  target: string;
  trainSize: number;
  seed: number;
  out: string;
  loss: string;
  alpha: number;
  model: ModelKind;
  mixing: Mixing;
  width?: number;
  depth?: number;
  segment?: number;
  sequence?: number;
  archEncoder?: boolean;
  magnitudes: boolean;
  epochs: number;
  batchSize: number;
  lr: number;
  weightDecay: number;
  adamw?: boolean;
  backend: BackendChoice;
  data?: string;
  quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ parzc train --stats runs/nb201-c10.store --target c10v_valid_200 --train-size 156 --seed 0 --out models/p156-s0.json
  $ parzc train --stats runs/nb201-c10.store --target c10v_valid_200 --train-size 781 --seed 1 --loss mse+dk --arch-encoder --out m.json
  $ parzc train --stats runs/nb201-c10.store --target c10v_valid_200 --train-size 156 --seed 0 --model mlp --out mlp.json   # an ablation
Then: parzc eval --model models/p156-s0.json --stats runs/nb201-c10.store --target c10_test_200`;

export function trainCommand(): Command {
  return new Command("train")
    .description("Train the ParZC predictor (MABN) on architectures drawn from a stats store and write a model file")
    .requiredOption("--stats <store>", "stats store with the encoding's node vectors (parzc stats --out)")
    .requiredOption("--target <column>", "benchmark column to learn, e.g. c10v_valid_200")
    .requiredOption("--train-size <n>", "architectures to train on, drawn at random (seeded) from the store", integerAtLeast(2))
    .option("--seed <n>", "seeds the draw, the initial weights, the shuffles and the Bayesian noise", integerAtLeast(0), 0)
    .requiredOption("--out <model>", "model file to write (JSON)")
    .option("--loss <spec>", "dk | pw | mse, or a sum such as mse+dk", TRAIN_DEFAULTS.loss)
    .option("--alpha <a>", "DiffKendall's sharpness α", positiveNumber, TRAIN_DEFAULTS.alpha)
    .addOption(new Option("--model <kind>", "mabn, or an ablation: mixer (no Bayesian layers), mlp, bayes-mlp").choices(MODEL_KINDS).default("mabn"))
    .addOption(new Option("--mixing <kind>", "token: token + channel mixing; channel: the authors' channel-only blocks").choices(MIXINGS).default("token"))
    .option("--width <n>", "channels per segment (mixers) or hidden width (MLPs)", integerAtLeast(1))
    .option("--depth <n>", "mixer blocks or MLP layers", integerAtLeast(1))
    .option("--segment <n>", "values per segment", integerAtLeast(1))
    .option("--sequence <n>", "length the input is projected to (a multiple of --segment)", integerAtLeast(1))
    .option("--arch-encoder", "fuse an encoder of the cell's op graph with the trunk (parzc-method.md §2.3; on by default for mabn)")
    .option("--no-arch-encoder", "no architecture encoder (the default for the ablations)")
    .option("--no-magnitudes", "ParZC's encoding alone: leave out the log-magnitude and node-count features")
    .option("--epochs <n>", "epochs", integerAtLeast(1), TRAIN_DEFAULTS.epochs)
    .option("--batch-size <n>", "architectures per step", integerAtLeast(1), TRAIN_DEFAULTS.batchSize)
    .option("--lr <rate>", "Adam learning rate (cosine-annealed to 0)", positiveNumber, TRAIN_DEFAULTS.lr)
    .option("--weight-decay <wd>", "weight decay", nonNegativeNumber, TRAIN_DEFAULTS.weightDecay)
    .option("--adamw", "decoupled weight decay (AdamW) instead of Adam's L2 term")
    .addOption(new Option("--backend <name>", "matmul backend: auto picks gpujs only on a real GPU").choices(BACKEND_CHOICES).default("auto"))
    .option("--data <dir>", "data folder with the NB201 table (default: $PARZC_DATA, then ../shared/data beside the repository)")
    .option("--quiet", "no progress lines")
    .addHelpText("after", EXAMPLES)
    .action(async (options: TrainCliOptions) => {
      const kind = options.model;
      const overrides = Object.fromEntries(Object.entries({ width: options.width, depth: options.depth, segment: options.segment, sequence: options.sequence }).filter(([, v]) => v !== undefined));
      const encoding = defaultEncoding(options.magnitudes);
      const config = defaultConfig(kind, {
        ...overrides, mixing: options.mixing, inputSize: encodedSize(encoding),
        archEncoder: (options.archEncoder ?? kind === "mabn") ? DEFAULT_ARCH_ENCODER : null,
      });
      const table = benchmarkTable(options.data);
      const features = storeFeatures(options.stats, encoding);
      const labelled = labelStats(features, table, options.target);
      if (labelled.missingTargets > 0) warnOnStderr(`${labelled.missingTargets} architecture(s) have no ${options.target} value and are left out.`);
      const { train: trainSet, trainIndices } = splitDataset(labelled, options.trainSize, options.seed);
      const matmul = await selectMatmul(options.backend);
      const progressEvery = Math.max(1, Math.round(options.epochs / 10));
      const result = await train(config, trainSet, {
        encoding, seed: options.seed, epochs: options.epochs, batchSize: options.batchSize, lr: options.lr, weightDecay: options.weightDecay,
        decoupledWeightDecay: options.adamw, loss: options.loss, alpha: options.alpha, targetColumn: options.target, matmul,
        onEpoch: (record) => {
          if (!options.quiet && (record.epoch % progressEvery === 0 || record.epoch === options.epochs)) {
            process.stderr.write(`epoch ${record.epoch}/${options.epochs}  loss ${record.loss.toFixed(4)}  lr ${record.lr.toExponential(2)}\n`);
          }
        },
      });
      matmul.dispose();
      result.model.provenance = {
        ...result.model.provenance,
        stats: options.stats, statsSettings: features.settings, target: options.target, seconds: Math.round(result.seconds * 10) / 10,
        // NB201 indices of the training architectures: eval leaves them out.
        trainIndices: trainIndices.map((i) => table.indexOf(labelled.archs[i])),
        maskedFeatures: labelled.masked, createdAt: new Date().toISOString(), device: matmul.device,
      };
      writeModel(options.out, result.model);
      if (result.stopped) {
        process.stderr.write(`parzc: ${result.stopped.message} The model in ${options.out} holds those weights.\n`);
        process.exitCode = 1;
        return;
      }
      const last = result.history.at(-1)!;
      process.stdout.write(`trained ${kind} on ${trainSet.archs.length} architectures (${options.target}, loss ${result.model.provenance.loss}) ` +
        `for ${options.epochs} epochs in ${result.seconds.toFixed(1)} s; final loss ${last.loss.toFixed(4)}; wrote ${options.out}\n`);
    });
}
