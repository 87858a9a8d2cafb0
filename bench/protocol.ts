// The protocol table (parzc-method.md §4, issue [model]): for each variant, loss and training
// size, train with several seeds on architectures drawn from a stats store and evaluate on every
// other one; print mean ± std of Kendall τ and Spearman ρ (and precision@5%, best of top 10), then
// each of the store's proxies on the same held-out architectures. The store names its space: NB201
// takes --dataset; any other space trains and evaluates on its default targets (NB101: test_accuracy).
// Jobs run on a piscina pool, one per core. The learning rate and the ensemble size follow the
// training-set size (src/model/sizeDefaults.ts) unless --lr is given.
//   node --import tsx bench/protocol.ts --stats STORE [--sizes 78,156,469,781,1563] [--seeds 0,1,2]
//     [--variants mabn,mabn-no-magnitudes,mabn-no-encoder,mabn-channel,parzc-released,mixer,mlp,bayes-mlp]
//     [--losses dk,pw,mse,mse+dk] [--dataset c10|c100|in16 (NB201)] [--epochs 200] [--lr 3e-4] [--alpha 0.5]
//     [--rho-init -5] [--workers 2] [--json results.json]
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { DEFAULT_ARCH_ENCODER } from "../src/model/config.js";
import { StatsStore } from "../src/pipeline/store.js";
import { getSpace } from "../src/spaces/index.js";
import type { ProtocolJob } from "./protocolWorker.js";
import { runProtocolJobs } from "./protocolPool.js";
import { meanStd } from "./summary.js";
import { argValue } from "./timing.js";

/**
 * Named variants. mabn: the default (token + channel mixing, architecture encoder, magnitude
 * features). parzc-released: the authors' NB201 model as released (channel-only blocks, encoder,
 * ParZC's encoding alone). The rest take one piece away, or are the §2.4 ablations.
 */
const VARIANTS: Record<string, Pick<ProtocolJob, "config" | "magnitudes">> = {
  mabn: { config: { kind: "mabn" }, magnitudes: true },
  "mabn-no-magnitudes": { config: { kind: "mabn" }, magnitudes: false },
  "mabn-no-encoder": { config: { kind: "mabn", archEncoder: null }, magnitudes: true },
  "mabn-channel": { config: { kind: "mabn", mixing: "channel" }, magnitudes: true },
  "mabn-small": { config: { kind: "mabn", width: 32, depth: 1 }, magnitudes: true },
  "parzc-released": { config: { kind: "mabn", mixing: "channel", depth: 4, archEncoder: DEFAULT_ARCH_ENCODER }, magnitudes: false },
  mixer: { config: { kind: "mixer" }, magnitudes: true },
  mlp: { config: { kind: "mlp" }, magnitudes: true },
  "bayes-mlp": { config: { kind: "bayes-mlp" }, magnitudes: true },
};

/** Train on validation accuracy, evaluate on test accuracy (§1.5). ImageNet16-120 reuses CIFAR-10 statistics when the store holds them. */
const DATASETS: Record<string, { train: string; evaluate: string[] }> = {
  c10: { train: "c10v_valid_200", evaluate: ["c10_test_200"] },
  c100: { train: "c100_valtest_200", evaluate: ["c100_test_200"] },
  in16: { train: "in16_valtest_200", evaluate: ["in16_test_200"] },
};

const store = argValue("stats", "");
if (!store) throw new Error("pass --stats STORE (a store from parzc stats with grad_norm, snip and synflow node vectors)");
const sizes = argValue("sizes", "78,156,469,781,1563").split(",").map(Number);
const seeds = argValue("seeds", "0,1,2").split(",").map(Number);
const variants = argValue("variants", "mabn").split(",");
const losses = argValue("losses", "dk").split(",");
const space = getSpace(StatsStore.read(store).settings.space);
const dataset = space.name === "nb201" ? DATASETS[argValue("dataset", "c10")] : { train: space.targets.train, evaluate: [space.targets.evaluate] };
const epochs = Number(argValue("epochs", "200"));
const lr = argValue("lr", "") ? Number(argValue("lr", "")) : undefined;
const alpha = argValue("alpha", "") ? Number(argValue("alpha", "")) : undefined;
// Overrides the Bayesian layers' initial ρ (σ = softplus(ρ)) of every variant, for the noise ablation.
const rhoInit = argValue("rho-init", "") ? Number(argValue("rho-init", "")) : undefined;
const workers = Number(argValue("workers", String(availableParallelism())));
for (const variant of variants) if (!VARIANTS[variant]) throw new Error(`unknown variant ${variant}: one of ${Object.keys(VARIANTS).join(", ")}`);

const jobs: ProtocolJob[] = [];
for (const variant of variants) for (const loss of losses) for (const trainSize of sizes) for (const seed of seeds) {
  const { config, magnitudes } = VARIANTS[variant];
  jobs.push({ store, variant, magnitudes, config: rhoInit === undefined ? config : { ...config, rhoInit }, loss, trainSize, seed, trainColumn: dataset.train, evalColumns: dataset.evaluate, epochs, lr, alpha });
}

const started = performance.now();
const results = await runProtocolJobs(jobs, workers);

for (const column of dataset.evaluate) {
  console.log(`\n${column} (trained on ${dataset.train}; ${seeds.length} seeds; ${epochs} epochs; store ${store})\n`);
  console.log("| variant | loss | train | Kendall τ | Spearman ρ | precision@5% | best of top 10 | n |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const variant of variants) for (const loss of losses) for (const trainSize of sizes) {
    const cell = results.filter((r) => r.job.variant === variant && r.job.loss === loss && r.job.trainSize === trainSize).map((r) => r.metrics[column]);
    console.log(`| ${variant} | ${loss} | ${trainSize} | ${meanStd(cell.map((m) => m.kendall))} | ${meanStd(cell.map((m) => m.spearman))} | ${meanStd(cell.map((m) => m.precisionTop5))} | ${meanStd(cell.map((m) => m.bestTop10))} | ${cell[0].n} |`);
  }
}
const proxyNames = Object.keys(results[0].proxies[dataset.evaluate[0]]);
for (const column of dataset.evaluate) {
  console.log(`\nEach proxy on the same held-out architectures (${column}; mean ± std over the runs of each training size)\n`);
  console.log(`| proxy | ${sizes.map((size) => `τ at ${size}`).join(" | ")} | ${sizes.map((size) => `ρ at ${size}`).join(" | ")} |`);
  console.log(`|---|${sizes.map(() => "---|").join("").repeat(2)}`);
  for (const proxy of proxyNames) {
    const at = (size: number) => results.filter((r) => r.job.trainSize === size).map((r) => r.proxies[column][proxy]);
    console.log(`| ${proxy} | ${sizes.map((size) => meanStd(at(size).map((m) => m.kendall))).join(" | ")} | ${sizes.map((size) => meanStd(at(size).map((m) => m.spearman))).join(" | ")} |`);
  }
}
console.log(`\n${jobs.length} runs on ${workers} workers in ${((performance.now() - started) / 1000).toFixed(0)} s`);
const out = argValue("json", "");
if (out) writeFileSync(out, JSON.stringify(results, null, 1));
