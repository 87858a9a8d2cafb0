// Runs protocol jobs (bench/protocolWorker.ts) on a piscina pool, one thread per worker, with a
// line on stderr as each finishes. bench/protocol.ts and bench/table.ts share it.
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { ProtocolJob, ProtocolResult } from "./protocolWorker.js";

export async function runProtocolJobs(jobs: ProtocolJob[], workers: number): Promise<ProtocolResult[]> {
  const filename = fileURLToPath(new URL(`./protocolWorker${extname(fileURLToPath(import.meta.url))}`, import.meta.url));
  const pool = new Piscina<ProtocolJob, ProtocolResult>({ filename, minThreads: workers, maxThreads: workers });
  let done = 0;
  const results = await Promise.all(jobs.map(async (job) => {
    const result = await pool.run(job);
    const m = result.metrics[job.evalColumns[0]];
    process.stderr.write(`[${++done}/${jobs.length}] ${job.variant} ${job.loss} n=${job.trainSize} seed ${job.seed}: τ ${m.kendall.toFixed(4)} ρ ${m.spearman.toFixed(4)} (${result.seconds.toFixed(0)} s)\n`);
    return result;
  }));
  await pool.destroy();
  return results;
}
