// Small real stats runs for tests (a few archs, tiny batches), each computed once per process.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type StatsRunOptions, runStats } from "../../src/pipeline/statsRun.js";

export const SMALL_RUN: StatsRunOptions = {
  space: "nb201", dataset: "cifar10", proxies: ["grad_norm", "snip"], batch: 4, seed: 0, archs: { kind: "sample", count: 6 }, workers: 2,
};

const scratch = mkdtempSync(join(tmpdir(), "parzc-small-run-"));
const runs = new Map<string, Promise<string>>();

/** The store of SMALL_RUN with `changes`, computed on first request. Leaves it in the OS temp folder. */
export function smallRunStore(changes: Partial<StatsRunOptions> = {}): Promise<string> {
  const key = JSON.stringify(changes);
  let run = runs.get(key);
  if (!run) {
    const out = join(scratch, `run${runs.size}.store`);
    run = runStats({ ...SMALL_RUN, ...changes, out, progress: { write: () => true } }).then(() => out);
    runs.set(key, run);
  }
  return run;
}
