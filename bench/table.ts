// Issue [cli]: the NB201 CIFAR-10 protocol table — ParZC's main model trained on 78…1563
// architectures (3 seeds each, evaluated on every other one) against every training-free proxy
// of the store — from the full statistics. Printed, with --json, and recorded in bench/RESULTS.md.
// ParZC trains on c10v_valid_200 and is scored on c10_test_200 (§1.5); the proxies need no
// training, so they are scored on c10_test_200 over every architecture with a finite score.
//   node --import tsx bench/table.ts [--stats STORE] [--sizes 78,156,469,781,1563] [--seeds 0,1,2]
//     [--workers 2] [--epochs 200] [--json] [--no-record]
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { cacheFolder } from "../src/pipeline/cachePath.js";
import { proxyCorrelations } from "../src/pipeline/proxyCorrelations.js";
import { loadStats } from "../src/pipeline/statsData.js";
import { nb201 } from "../src/spaces/nb201/index.js";
import type { ProtocolJob } from "./protocolWorker.js";
import { runProtocolJobs } from "./protocolPool.js";
import { recordResults, recording } from "./record.js";
import { meanStd } from "./summary.js";
import { argValue, wantsJson } from "./timing.js";

const store = argValue("stats", join(cacheFolder(), "nb201-cifar10-b16-s0.store"));
const sizes = argValue("sizes", "78,156,469,781,1563").split(",").map(Number);
const seeds = argValue("seeds", "0,1,2").split(",").map(Number);
const workers = Number(argValue("workers", String(availableParallelism())));
const epochs = Number(argValue("epochs", "200"));
const [trainColumn, evalColumn] = ["c10v_valid_200", "c10_test_200"];

const jobs: ProtocolJob[] = sizes.flatMap((trainSize) => seeds.map((seed) => ({
  store, variant: "mabn", config: { kind: "mabn" as const }, magnitudes: true, loss: "dk", trainSize, seed, trainColumn, evalColumns: [evalColumn], epochs,
})));
const started = performance.now();
const results = await runProtocolJobs(jobs, workers);
const seconds = (performance.now() - started) / 1000;

interface Row { method: string; train: number; kendall: string; spearman: string; n: number }
const rows: Row[] = sizes.map((trainSize) => {
  const cells = results.filter((r) => r.job.trainSize === trainSize).map((r) => r.metrics[evalColumn]);
  return { method: "ParZC (MABN, DiffKendall)", train: trainSize, kendall: meanStd(cells.map((m) => m.kendall)), spearman: meanStd(cells.map((m) => m.spearman)), n: cells[0].n };
});
const proxies = proxyCorrelations(loadStats(store, { nodes: false }), nb201.table().column(evalColumn)).sort((a, b) => b.kendall - a.kendall);
for (const p of proxies) rows.push({ method: p.proxy, train: 0, kendall: p.kendall.toFixed(3), spearman: p.spearman.toFixed(3), n: p.n });

const markdown = [
  `Store \`${store}\`; ParZC: default MABN, ${epochs} epochs, trained on \`${trainColumn}\`, ${seeds.length} seeds (mean ± std), evaluated on every other architecture of the store; proxies: no training. All scored with Kendall τ-b and Spearman ρ on \`${evalColumn}\`. ParZC runs took ${seconds.toFixed(0)} s on ${workers} workers.`,
  "",
  "| method | training archs | Kendall τ | Spearman ρ | n |",
  "|---|---|---|---|---|",
  ...rows.map((r) => `| ${r.method} | ${r.train || "–"} | ${r.kendall} | ${r.spearman} | ${r.n.toLocaleString("en-US")} |`),
].join("\n");
if (wantsJson()) console.log(JSON.stringify({ store, seconds, rows }));
else console.log(markdown);
if (recording()) recordResults("table", "NB201 CIFAR-10 protocol table, ParZC against the proxies", "npm run bench:table", markdown);
