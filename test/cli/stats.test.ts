import { type SpawnSyncReturns, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { kendallTau } from "../../src/metrics/kendall.js";
import { spearman } from "../../src/metrics/spearman.js";
import { archList, parseArchSpec } from "../../src/pipeline/archList.js";
import { loadStats } from "../../src/pipeline/statsData.js";
import { getSpace } from "../../src/spaces/index.js";
import { nb201 } from "../../src/spaces/nb201/index.js";
import { Random } from "../../src/util/random.js";

const REPO = resolve(import.meta.dirname, "..", "..");
const scratch = mkdtempSync(join(tmpdir(), "parzc-cli-stats-"));
const store = join(scratch, "resume.store");
const RUN = ["stats", "--archs", "sample:20", "--proxies", "grad_norm,snip", "--batch", "4", "--workers", "2", "--out", store];

function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { PARZC_CACHE, PARZC_FLAKY, ...env } = process.env;
  return { ...env, NO_COLOR: "1", ...extra };
}

const argv = (args: string[]) => ["--import", "tsx", join(REPO, "src/cli/main.ts"), ...args];

function parzc(args: string[], extraEnv?: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, argv(args), { cwd: REPO, encoding: "utf8", env: childEnv(extraEnv) });
}

/** The store's complete lines (a line torn by the kill has no newline yet). */
function completeLines(path: string): string[] {
  const text = readFileSync(path, "utf8");
  return text.slice(0, text.lastIndexOf("\n") + 1).split("\n").slice(0, -1);
}

const archOf = (line: string) => JSON.parse(line.slice(9)).arch as string;

/** Starts the run and SIGKILLs it once the store holds `records` records. */
function killAfter(records: number): Promise<void> {
  const child = spawn(process.execPath, argv(RUN), { cwd: REPO, env: childEnv(), stdio: "ignore" });
  return new Promise((done, fail) => {
    const poll = setInterval(() => {
      if (existsSync(store) && completeLines(store).length > records) child.kill("SIGKILL");
    }, 5);
    child.on("exit", (code, signal) => {
      clearInterval(poll);
      if (signal === "SIGKILL") done();
      else fail(new Error(`the run ended (code ${code}) before it could be killed`));
    });
  });
}

test("kill -9 mid-run, then the same command: every arch once, the first run's records unchanged", async () => {
  await killAfter(3);
  const before = completeLines(store);
  assert.ok(before.length - 1 >= 3 && before.length - 1 < 20, `${before.length - 1} records at the kill`);
  const rerun = parzc(RUN);
  assert.is(rerun.status, 0, rerun.stderr);
  assert.match(rerun.stdout, new RegExp(`^done ${21 - before.length}, skipped ${before.length - 1}, flagged 0, failed 0 \\(store `));
  const after = completeLines(store);
  assert.equal(after.slice(0, before.length), before);
  const archs = after.slice(1).map(archOf);
  assert.is(archs.length, 20);
  assert.equal(archs.sort(), archList(nb201, parseArchSpec("sample:20"), 0).sort());
});

test("a rerun of a finished store computes nothing", () => {
  const rerun = parzc(RUN);
  assert.is(rerun.status, 0, rerun.stderr);
  assert.match(rerun.stdout, /^done 0, skipped 20, flagged 0, failed 0/);
});

test("a torn final record is warned about, dropped, and computed again (to the same bytes)", () => {
  const whole = readFileSync(store, "utf8");
  const lastLine = whole.slice(whole.lastIndexOf("\n", whole.length - 2) + 1);
  writeFileSync(store, whole.slice(0, whole.length - lastLine.length) + lastLine.slice(0, lastLine.length >> 1));
  const rerun = parzc(RUN);
  assert.is(rerun.status, 0, rerun.stderr);
  assert.match(rerun.stderr, /^parzc: warning: .*resume\.store: dropped a torn last record \(line 21, cut short by a crash\)/);
  assert.match(rerun.stdout, /^done 1, skipped 19, flagged 0, failed 0/);
  assert.is(readFileSync(store, "utf8"), whole);
});

test("a store written with other settings is refused with exit 2, naming the setting", () => {
  const run = parzc(RUN.map((arg) => (arg === "grad_norm,snip" ? "grad_norm" : arg)));
  assert.is(run.status, 2);
  assert.match(run.stderr, /^parzc: stats store .* holds --proxies grad_norm,snip, not --proxies grad_norm: .* pass a new --out/);
  const batch = parzc([...RUN, "--batch", "8"]);
  assert.is(batch.status, 2);
  assert.ok(batch.stderr.includes("holds --batch 4, not --batch 8"), batch.stderr);
});

test("a failing architecture is retried, then reported, and the exit code is 1", () => {
  const archs = nb201.sample(3, new Random(11));
  const file = join(scratch, "flaky.txt");
  writeFileSync(file, archs.join("\n"));
  const markers = join(scratch, "markers");
  mkdirSync(markers);
  const run = parzc(
    ["stats", "--archs", `file:${file}`, "--proxies", "params", "--batch", "4", "--out", join(scratch, "flaky.store"), "--worker", join(REPO, "test/pipeline/fixtures/flakyWorker.ts")],
    { PARZC_FLAKY: JSON.stringify({ dir: markers, throwOnce: archs[0], alwaysThrow: archs[1] }) },
  );
  assert.is(run.status, 1, run.stderr);
  assert.is(run.stdout, `done 2, skipped 0, flagged 0, failed 1 (store ${join(scratch, "flaky.store")})\n`);
  assert.ok(run.stderr.includes(`parzc: failed ${archs[1]}: fixture: ${archs[1]} always fails`), run.stderr);
});

test("proxies --stats prints τ and ρ for each proxy, as src/metrics computes them", () => {
  const data = loadStats(store);
  const target = nb201.table().column("c10_test_200");
  const accuracies = Array.from(data.indices, (index) => target[index]);
  const run = parzc(["proxies", "--stats", store, "--target", "c10_test_200", "--json"]);
  assert.is(run.status, 0, run.stderr);
  const rows = run.stdout.trim().split("\n").map((line) => JSON.parse(line));
  assert.equal(rows, ["grad_norm", "snip"].map((proxy) => ({
    proxy, n: 20, kendall: kendallTau(data.scores[proxy], accuracies), spearman: spearman(data.scores[proxy], accuracies), target: "c10_test_200",
  })));
  const human = parzc(["proxies", "--stats", store]);
  assert.match(human.stdout, new RegExp(`^proxy +n +tau +rho\\ngrad_norm +20 +${rows[0].kendall.toFixed(3)} +${rows[0].spearman.toFixed(3)}\\n`));
  assert.is(parzc(["proxies", "--stats", store, "--target", "no_such_column"]).status, 2);
});

test("export to .jsonl.gz, import, export again: the same lines; merge keeps each arch once", () => {
  const gz = join(scratch, "resume.jsonl.gz");
  assert.is(parzc(["stats", "export", "--store", store, "--out", gz]).status, 0);
  const copy = join(scratch, "copy.store");
  const imported = parzc(["stats", "import", gz, "--out", copy]);
  assert.is(imported.stdout, `imported 20, skipped 0 (store ${copy})\n`);
  const [a, b] = [store, copy].map((path) => parzc(["stats", "export", "--store", path]).stdout);
  assert.is(a.split("\n").length, 21);
  assert.is(a, b);
  const merged = parzc(["stats", "merge", store, copy, "--out", join(scratch, "merged.store")]);
  assert.match(merged.stdout, /^added 20, duplicates 20, failed 0/);
  const json = JSON.parse(parzc(["stats", "export", "--store", copy, "--format", "json"]).stdout);
  assert.is(Object.keys(json.nasbench201.cifar10).length, 20);
});

test("without --out the store goes under $PARZC_CACHE, one file per setting", () => {
  const cache = join(scratch, "cache");
  const run = parzc(["stats", "--archs", "sample:2", "--proxies", "params", "--batch", "4", "--workers", "1"], { PARZC_CACHE: cache });
  assert.is(run.status, 0, run.stderr);
  assert.ok(existsSync(join(cache, "nb201-cifar10-b4-s0-params.store")));
});

test("--space nb101: a seeded NASLib-style sample, each record's node vector as long as the network's Conv/Linear count", () => {
  const out = join(scratch, "nb101.store");
  const run = parzc(["stats", "--space", "nb101", "--archs", "sample:2", "--batch", "2", "--workers", "1", "--proxies", "grad_norm,params", "--out", out]);
  assert.is(run.status, 0, run.stderr);
  const space = getSpace("nb101");
  const data = loadStats(out);
  assert.is(data.settings.space, "nb101");
  assert.equal([...data.archs].sort(), space.sample(2, new Random(0)).sort());
  data.archs.forEach((arch, i) => assert.is(data.nodes.grad_norm[i]!.length, space.nodeCount(space.parse(arch)), arch));
  assert.ok(data.scores.params.every((p, i) => Math.abs(p - space.cost(space.parse(data.archs[i]), "cifar10").params / 1e6) < 1e-9));
});

test("bad values exit 2 with the value named", () => {
  for (const [args, fragment] of [
    [["stats", "--shard", "2/2"], '--shard "2/2"'],
    [["stats", "--dataset", "cifar100", "--proxies", "grad_norm", "--out", join(scratch, "x.store")], 'no images for dataset "cifar100"'],
    [["stats", "merge", join(scratch, "missing.store")], "does not exist"],
  ] as const) {
    const run = parzc([...args]);
    assert.is(run.status, 2, `${args.join(" ")}: ${run.stderr}`);
    assert.ok(run.stderr.includes(fragment), run.stderr);
    assert.not.match(run.stderr, /\n\s+at /);
  }
});

test.after(() => rmSync(scratch, { recursive: true }));

test.run();
