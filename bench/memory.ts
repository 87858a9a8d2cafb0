// Issue [pipeline]: memory stays flat across 1,000 architectures. Runs the ParZC set on a seeded
// sample through a 2-worker piscina pool (as `parzc stats` does) and reports, per block of 100
// architectures, the process RSS (workers are threads, so their wasm memories live in it) and
// each worker's V8 heap. Growth is measured from the end of the first block (after warm-up).
//   node --import tsx bench/memory.ts [--archs 1000] [--json]
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { nb201 } from "../src/spaces/nb201/index.js";
import { Random } from "../src/util/random.js";
import { round } from "./archs.js";
import { argValue, wantsJson } from "./timing.js";

const count = Number(argValue("archs", "1000"));
const archs = nb201.sample(count, new Random(77));
const pool = new Piscina({ filename: fileURLToPath(new URL("./memoryWorker.ts", import.meta.url)), minThreads: 2, maxThreads: 2 });
const MB = 1024 * 1024;
const blocks: { done: number; rssMb: number; heapMb: Record<number, number> }[] = [];
for (let start = 0; start < archs.length; start += 100) {
  const results = await Promise.all(archs.slice(start, start + 100).map((arch) => pool.run({ arch, seed: 0, proxies: ["grad_norm", "snip", "synflow"], batch: 16 })));
  const heapMb: Record<number, number> = {};
  for (const r of results as { threadId: number; heapUsed: number }[]) heapMb[r.threadId] = round(r.heapUsed / MB, 1);
  blocks.push({ done: Math.min(start + 100, archs.length), rssMb: round(process.memoryUsage().rss / MB, 1), heapMb });
}
await pool.destroy();
const first = blocks[0];
const last = blocks[blocks.length - 1];
const summary = { archs: count, rss_first_mb: first.rssMb, rss_last_mb: last.rssMb, rss_growth_pct: round((100 * (last.rssMb - first.rssMb)) / first.rssMb, 1), max_rss_mb: Math.max(...blocks.map((b) => b.rssMb)) };
if (wantsJson()) {
  for (const block of blocks) console.log(JSON.stringify(block));
  console.log(JSON.stringify(summary));
} else {
  for (const block of blocks) console.log(`${String(block.done).padStart(5)} archs  RSS ${block.rssMb} MB  worker heaps ${Object.values(block.heapMb).join(" / ")} MB`);
  console.log(`RSS growth after the first 100: ${summary.rss_growth_pct}% (${first.rssMb} → ${last.rssMb} MB; max ${summary.max_rss_mb} MB)`);
}
