// `parzc train`: fit the ParZC predictor on N architectures drawn (seeded) from a stats store, with
// targets from a column of the store's space's benchmark table (ParZC trains on validation
// accuracy), and write a model file that names the space.
import { Command, Option } from "commander";
import { BACKEND_CHOICES, selectMatmul, type BackendChoice } from "../backends/index.js";
import { ParZC, type TrainedParZC } from "../api/parzc.js";
import { MIXINGS, MODEL_KINDS, type Mixing, type ModelKind } from "../model/config.js";
import { LARGE_DATA, SMALL_DATA, SMALL_TRAIN_SIZE } from "../model/sizeDefaults.js";
import { TRAIN_DEFAULTS } from "../model/train.js";
import { checkOutputFile } from "../util/safeFiles.js";
import { defaultTargets, requireStore } from "./modelInputs.js";
import { modelSizeOptions, nonNegativeNumber, positiveNumber, seedOption, spaceCount } from "./optionParsers.js";

interface TrainCliOptions {
  stats: string;
  target?: string;
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
  lr?: number;
  members?: number;
  weightDecay: number;
  adamw?: boolean;
  backend: BackendChoice;
  data?: string;
  quiet?: boolean;
  json?: boolean;
}

const EXAMPLES = `
Examples:
  $ parzc train --stats runs/nb201-c10.store --target c10v_valid_200 --train-size 156 --seed 0 --out models/p156-s0.json
  $ parzc train --stats runs/nb201-c10.store --target c10v_valid_200 --train-size 781 --seed 1 --loss mse+dk --arch-encoder --out m.json
  $ parzc train --stats runs/nb201-c10.store --target c10v_valid_200 --train-size 156 --seed 0 --model mlp --out mlp.json   # an ablation
  $ parzc train --stats runs/nb201-c10.store --target c10v_valid_200 --train-size 156 --quiet --json --out m.json
  $ parzc train --stats runs/nb101.store --train-size 100 --out nb101.json      # NB101: --target test_accuracy
Then: parzc eval --model models/p156-s0.json --stats runs/nb201-c10.store --target c10_test_200`;

export function trainCommand(): Command {
  return new Command("train")
    .description("Train the ParZC predictor (MABN) on architectures drawn from a stats store and write a model file")
    .requiredOption("--stats <store>", "stats store with the encoding's node vectors (parzc stats --out)")
    .option("--target <column>", `column of the store's space's benchmark table to learn (default: ${defaultTargets("train")})`)
    .requiredOption("--train-size <n>", "architectures to train on, drawn at random (seeded) from the store", spaceCount(2))
    .option("--seed <n>", "seeds the draw, the initial weights, the shuffles and the Bayesian noise", seedOption, 0)
    .requiredOption("--out <model>", "model file to write (JSON)")
    .option("--loss <spec>", "dk | pw | mse, or a sum such as mse+dk", TRAIN_DEFAULTS.loss)
    .option("--alpha <a>", "DiffKendall's sharpness α", positiveNumber, TRAIN_DEFAULTS.alpha)
    .addOption(new Option("--model <kind>", "mabn, or an ablation: mixer (no Bayesian layers), mlp, bayes-mlp").choices(MODEL_KINDS).default("mabn"))
    .addOption(new Option("--mixing <kind>", "token: token + channel mixing; channel: the authors' channel-only blocks").choices(MIXINGS).default("token"))
    .option("--width <n>", "channels per segment (mixers) or hidden width (MLPs)", modelSizeOptions.width)
    .option("--depth <n>", "mixer blocks or MLP layers", modelSizeOptions.depth)
    .option("--segment <n>", "values per segment", modelSizeOptions.segment)
    .option("--sequence <n>", "length the input is projected to (a multiple of --segment)", modelSizeOptions.sequence)
    .option("--arch-encoder", "fuse an encoder of the cell's op graph with the trunk (parzc-method.md §2.3; on by default for mabn)")
    .option("--no-arch-encoder", "no architecture encoder (the default for the ablations)")
    .option("--no-magnitudes", "ParZC's encoding alone: leave out the log-magnitude and node-count features")
    .option("--epochs <n>", "epochs", modelSizeOptions.epochs, TRAIN_DEFAULTS.epochs)
    .option("--batch-size <n>", "architectures per step", modelSizeOptions.batchSize, TRAIN_DEFAULTS.batchSize)
    .option("--lr <rate>", `Adam learning rate, cosine-annealed to 0 (default: ${SMALL_DATA.lr} below ${SMALL_TRAIN_SIZE} training architectures, else ${LARGE_DATA.lr})`, positiveNumber)
    .option("--members <n>", `independently initialised copies trained together, scores averaged (default: ${SMALL_DATA.members} below ${SMALL_TRAIN_SIZE} training architectures, else ${LARGE_DATA.members})`, modelSizeOptions.members)
    .option("--weight-decay <wd>", "weight decay", nonNegativeNumber, TRAIN_DEFAULTS.weightDecay)
    .option("--adamw", "decoupled weight decay (AdamW) instead of Adam's L2 term")
    .addOption(new Option("--backend <name>", "matmul backend: auto picks gpujs only on a real GPU").choices(BACKEND_CHOICES).default("auto"))
    .option("--data <dir>", "data folder with the benchmark table (default: $PARZC_DATA, then the project's data/, then ../shared/data beside the repository)")
    .option("--quiet", "no progress lines")
    .option("--json", "print the summary as one JSON object: out, kind, trainSize, target, loss, epochs, seconds, finalLoss")
    .addHelpText("after", EXAMPLES)
    .action(async (options: TrainCliOptions) => {
      // Before the training: a bad --out found afterwards would throw the work away.
      requireStore(options.stats);
      checkOutputFile(options.out, { what: "model file --out", inputs: [options.stats] });
      const { model: kind, mixing, width, depth, segment, sequence, archEncoder, magnitudes, members } = options;
      const matmul = await selectMatmul(options.backend);
      const progressEvery = Math.max(1, Math.round(options.epochs / 10));
      let model: TrainedParZC;
      try {
        model = await ParZC.train(options.stats, {
          target: options.target, trainSize: options.trainSize, seed: options.seed, data: options.data,
          config: { kind, mixing, width, depth, segment, sequence, archEncoder, magnitudes, members },
          epochs: options.epochs, batchSize: options.batchSize, lr: options.lr, weightDecay: options.weightDecay,
          decoupledWeightDecay: options.adamw, loss: options.loss, alpha: options.alpha, matmul,
          onEpoch: (record) => {
            if (!options.quiet && (record.epoch % progressEvery === 0 || record.epoch === options.epochs)) {
              process.stderr.write(`epoch ${record.epoch}/${options.epochs}  loss ${record.loss.toFixed(4)}  lr ${record.lr.toExponential(2)}\n`);
            }
          },
        });
        model.save(options.out);
      } finally {
        matmul.dispose();
      }
      const result = model.training;
      if (result.stopped) {
        process.stderr.write(`parzc: ${result.stopped.message} The model in ${options.out} holds those weights.\n`);
        process.exitCode = 1;
        return;
      }
      const last = result.history.at(-1)!;
      if (options.json) {
        const { trainSize, loss } = model.provenance;
        process.stdout.write(JSON.stringify({ out: options.out, kind, trainSize, target: model.target.column, loss, epochs: options.epochs, seconds: result.seconds, finalLoss: last.loss }) + "\n");
        return;
      }
      process.stdout.write(`trained ${kind} on ${model.provenance.trainSize} architectures (${model.target.column}, loss ${model.provenance.loss}) ` +
        `for ${options.epochs} epochs in ${result.seconds.toFixed(1)} s; final loss ${last.loss.toFixed(4)}; wrote ${options.out}\n`);
    });
}
