// Training and ranking speed of the ParZC predictor on synthetic data (no stats store needed):
// the default config (or --config JSON overrides) trained on --n architectures for --epochs, then
// all 15,625 NB201-sized feature vectors ranked with K weight samples.
//   node --import tsx bench/train.ts [--n 1563] [--epochs 200] [--backend wasm|gpujs] [--rank 15625] [--samples 8] [--workers 2]
//     [--config '{"width":64}'] [--loss dk] [--json]
import { selectMatmul, type BackendChoice } from "../src/backends/index.js";
import { defaultConfig } from "../src/model/config.js";
import { syntheticDataset } from "../src/model/dataset.js";
import { predictParallel } from "../src/model/predictParallel.js";
import { train, TRAIN_DEFAULTS } from "../src/model/train.js";
import { argValue, wantsJson } from "./timing.js";

const n = Number(argValue("n", "1563"));
const epochs = Number(argValue("epochs", String(TRAIN_DEFAULTS.epochs)));
const rankCount = Number(argValue("rank", "15625"));
const samples = Number(argValue("samples", "8"));
const workers = Number(argValue("workers", "2"));
const overrides = JSON.parse(argValue("config", "{}"));
const loss = argValue("loss", TRAIN_DEFAULTS.loss);
const matmul = await selectMatmul(argValue("backend", "wasm") as BackendChoice);
const config = defaultConfig(overrides.kind ?? "mabn", overrides);

const data = syntheticDataset(n, { seed: 1 });
const result = await train(config, data, { epochs, seed: 0, matmul, loss });
const trainSeconds = result.seconds;

const pool = syntheticDataset(rankCount, { seed: 2 });
const start = performance.now();
await predictParallel(result.model, pool, { samples, workers });
const rankSeconds = (performance.now() - start) / 1000;

const report = {
  config, parameters: result.model.net.params.count, backend: matmul.device, loss,
  train: { architectures: n, epochs, batchSize: TRAIN_DEFAULTS.batchSize, seconds: trainSeconds, secondsPerEpoch: trainSeconds / epochs },
  rank: { architectures: rankCount, samples, workers, seconds: rankSeconds },
};
matmul.dispose();
if (wantsJson()) console.log(JSON.stringify(report));
else {
  console.log(`${config.kind} (${report.parameters} parameters, ${matmul.device}, loss ${loss})`);
  console.log(`train ${n} architectures × ${epochs} epochs, batch ${TRAIN_DEFAULTS.batchSize}: ${trainSeconds.toFixed(1)} s (${(trainSeconds / epochs).toFixed(2)} s/epoch)`);
  console.log(`rank ${rankCount} architectures, K = ${samples}, ${workers} worker(s): ${rankSeconds.toFixed(1)} s`);
}
