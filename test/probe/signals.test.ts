// Ctrl-C and SIGTERM stop `parzc stats` cleanly ("[fresh]" issue): a real child process with a
// slow fixture worker is signalled mid-run; it prints its summary and the exact command that
// resumes it, exits 130 (SIGINT) or 143 (SIGTERM), and its store holds whole records only. That
// printed command, run by a shell, computes only the rest. A second signal exits at once.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Progress } from "../../src/pipeline/progress.js";
import { archList, parseArchSpec } from "../../src/pipeline/archList.js";
import { nb201 } from "../../src/spaces/nb201/index.js";

const REPO = join(import.meta.dirname, "..", "..");
const MAIN = join(REPO, "src", "cli", "main.ts");
const SLOW_WORKER = join(REPO, "test", "pipeline", "fixtures", "slowWorker.ts");
const scratch = mkdtempSync(join(tmpdir(), "parzc-probe-signals-"));
const COUNT = 10;

function childEnv(): NodeJS.ProcessEnv {
  const { PARZC_CACHE, PARZC_DATA, ...env } = process.env;
  return { ...env, NO_COLOR: "1", PARZC_SLOW_MS: "200" };
}

const statsArgs = (store: string) => ["stats", "--archs", `sample:${COUNT}`, "--proxies", "params", "--batch", "4", "--workers", "2", "--out", store, "--worker", SLOW_WORKER];

/** The store's lines after the header; `whole` is false when the last one has no newline (torn). */
function storeLines(path: string): { records: string[]; whole: boolean } {
  const text = readFileSync(path, "utf8");
  return { records: text.split("\n").slice(1, -1), whole: text.endsWith("\n") };
}

const archOf = (line: string) => (JSON.parse(line.slice(line.indexOf(" ") + 1)) as { arch: string }).arch;

interface Ended {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `parzc stats` and sends `signals` (one after another) once its store holds `records` records. */
function signalAfter(store: string, records: number, signals: NodeJS.Signals[]): Promise<Ended> {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...statsArgs(store)], { cwd: REPO, env: childEnv() });
  let stdout = "", stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((done) => {
    const poll = setInterval(() => {
      if (!existsSync(store) || storeLines(store).records.length < records) return;
      clearInterval(poll);
      for (const signal of signals) child.kill(signal);
    }, 5);
    child.on("close", (code) => {
      clearInterval(poll);
      done({ code, stdout, stderr });
    });
  });
}

/** The interrupted run's report, checked, and the command it printed. */
function checkInterrupted(ended: Ended, store: string, exitCode: number): string {
  assert.is(ended.code, exitCode, ended.stderr);
  const { records, whole } = storeLines(store);
  assert.ok(whole, "no torn record");
  assert.ok(records.length >= 2 && records.length < COUNT, `${records.length} records at the signal`);
  assert.is(new Set(records.map(archOf)).size, records.length);
  assert.is(ended.stdout, `done ${records.length}, skipped 0, flagged 0, failed 0 (store ${store})\n`);
  const resume = new RegExp(`^parzc: interrupted: rerun the same command to resume \\(${COUNT - records.length} of ${COUNT} left\\): (.+)$`, "m").exec(ended.stderr);
  assert.ok(resume, ended.stderr);
  assert.not.match(ended.stderr, /\n\s+at /);
  return resume[1];
}

test("Ctrl-C mid-run: summary, the resume command, exit 130, whole records; the printed command computes only the rest", async () => {
  const store = join(scratch, "sigint.store");
  const ended = await signalAfter(store, 2, ["SIGINT"]);
  const command = checkInterrupted(ended, store, 130);
  const before = storeLines(store).records;
  assert.ok(command.includes(`stats --archs sample:${COUNT} --proxies params`), command);
  const rerun = spawnSync("sh", ["-c", command], { cwd: REPO, encoding: "utf8", env: childEnv() });
  assert.is(rerun.status, 0, rerun.stderr);
  assert.is(rerun.stdout, `done ${COUNT - before.length}, skipped ${before.length}, flagged 0, failed 0 (store ${store})\n`);
  const after = storeLines(store).records;
  assert.equal(after.slice(0, before.length), before, "the first run's records are kept as they were");
  assert.equal(after.map(archOf).sort(), archList(nb201, parseArchSpec(`sample:${COUNT}`), 0).sort(), "every arch once");
});

test("SIGTERM mid-run: the same report and exit 143", async () => {
  const store = join(scratch, "sigterm.store");
  checkInterrupted(await signalAfter(store, 2, ["SIGTERM"]), store, 143);
});

/** A child whose stop takes forever (it listens for abort and never ends), signalled as given. */
function stubbornChild(script: string): Ended {
  const code = `import { catchInterrupts } from ${JSON.stringify(join(REPO, "src", "util", "interrupt.ts"))};
    const interrupts = catchInterrupts();
    setInterval(() => {}, 1000);
    ${script}`;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { encoding: "utf8", timeout: 20_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test("a second Ctrl-C exits at once with 130, however long the first one's stop takes", () => {
  const ended = stubbornChild(`interrupts.signal.addEventListener("abort", () => setTimeout(() => process.kill(process.pid, "SIGINT"), 50));
    process.kill(process.pid, "SIGINT");`);
  assert.is(ended.code, 130, ended.stderr);
});

test("a signal while nothing can stop cleanly (the demo's training) exits at once: 143 for SIGTERM", () => {
  assert.is(stubbornChild(`process.kill(process.pid, "SIGTERM");`).code, 143);
});

test("a bar cut short ends on its own line, showing the last count", () => {
  let now = 0;
  const written: string[] = [];
  const progress = new Progress(10, { isTTY: true, write: (text: string) => written.push(text) }, () => now);
  now = 500;
  progress.step();
  now = 550;
  progress.step(); // not drawn yet: within the redraw interval
  progress.end();
  assert.match(written.at(-2)!, /^\r\[#{5}\.{19}\] 2\/10 /);
  assert.is(written.at(-1), "\n");
});

test.after(() => rmSync(scratch, { recursive: true }));

test.run();
