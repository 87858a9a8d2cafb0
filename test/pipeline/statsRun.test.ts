import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { nb201 } from "../../src/spaces/nb201/index.js";
import { type StatsRunOptions, type StatsSummary, runStats } from "../../src/pipeline/statsRun.js";
import { StatsStore } from "../../src/pipeline/store.js";
import { Random } from "../../src/util/random.js";
import { rejectsInputError } from "../helpers/rejectsInputError.js";

const FLAKY_WORKER = resolve(import.meta.dirname, "fixtures", "flakyWorker.ts");
const scratch = mkdtempSync(join(tmpdir(), "parzc-run-"));
const archs = nb201.sample(5, new Random(7));
const [throwOnce, crashOnce, alwaysThrow] = archs;
const archFile = join(scratch, "archs.txt");
writeFileSync(archFile, archs.join("\n"));

function flakyRun(out: string, proxies = ["params"]): Promise<StatsSummary> {
  const options: StatsRunOptions = {
    space: "nb201", dataset: "cifar10", proxies, batch: 4, seed: 0, archs: { kind: "file", path: archFile },
    workers: 2, out, workerFile: FLAKY_WORKER, progress: { write: () => true },
  };
  return runStats(options);
}

test("a worker that throws or dies is retried once; one that keeps failing is recorded and the run goes on", async () => {
  const markers = join(scratch, "markers");
  mkdirSync(markers);
  process.env.PARZC_FLAKY = JSON.stringify({ dir: markers, throwOnce, crashOnce, alwaysThrow });
  const out = join(scratch, "flaky.store");
  const summary = await flakyRun(out);
  assert.is(readdirSync(markers).length, 2, "the throw-once and crash-once archs each failed a first try");
  assert.equal([summary.done, summary.skipped, summary.flagged], [4, 0, 0]);
  assert.equal(summary.failed, [{ arch: alwaysThrow, reason: `fixture: ${alwaysThrow} always fails` }]);
  const store = StatsStore.read(out);
  assert.equal([...store.records()].map((r) => r.arch).sort(), archs.filter((a) => a !== alwaysThrow).sort());
  assert.equal(store.failed().map((f) => [f.arch, f.failed]), [[alwaysThrow, `fixture: ${alwaysThrow} always fails`]]);

  const rerun = await flakyRun(out);
  assert.equal([rerun.done, rerun.skipped, rerun.failed.length], [0, 4, 1]);
});

test("settings every architecture would fail on are refused before any work", async () => {
  for (const [proxies, fragment] of [
    [["grad_norm", "grad_norm"], '--proxies lists "grad_norm" twice'],
    [["grad_norm", "nope"], 'unknown proxy "nope"'],
    [[], "--proxies is empty"],
  ] as const) {
    await rejectsInputError(flakyRun(join(scratch, "never.store"), [...proxies]), fragment);
  }
});

test.after(() => {
  delete process.env.PARZC_FLAKY;
  rmSync(scratch, { recursive: true });
});

test.run();
