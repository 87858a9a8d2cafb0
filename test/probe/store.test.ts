// The stats store is never lost and never trusts a bad record: devices and FIFOs are refused
// before they are opened, a damaged middle line is skipped (and set aside by `stats repair`)
// instead of making the whole store unusable, `stats import` checks every record, and one
// writer at a time holds the store's lock.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { resolveDataRoot } from "../../src/data/paths.js";
import { jsonlLines } from "../../src/pipeline/exportFormats.js";
import type { StatsSettings } from "../../src/pipeline/settings.js";
import { importJsonl } from "../../src/pipeline/statsImport.js";
import { StatsStore } from "../../src/pipeline/store.js";
import { nb201 } from "../../src/spaces/nb201/index.js";
import { Random } from "../../src/util/random.js";
import { type CliRun, REPO, assertInputFailure } from "../helpers/builtCli.js";
import { rejectsInputError } from "../helpers/rejectsInputError.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-probe-store-"));
const DATA = resolveDataRoot();
const CLI = join(REPO, "dist", "cli", "main.js");
const SLOW_WORKER = join(REPO, "test", "probe", "fixtures", "slowWorker.mjs");
const SETTINGS: StatsSettings = { space: "nb201", dataset: "cifar10", proxies: ["grad_norm", "snip", "synflow"], batch: 4, seed: 0 };
const RECORDS = 30;
let files = 0;
const fresh = (name: string) => join(scratch, `${files++}-${name}`);

/** The built CLI, killed after `timeout` ms (a blocked read would otherwise hang the suite). */
function parzc(args: string[], { timeout = 60_000 }: { timeout?: number } = {}): CliRun {
  const { PARZC_DATA, PARZC_CACHE, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: "utf8", timeout, env: { ...inherited, NO_COLOR: "1" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A store of real archs at their real indices, with node vectors of the right length. */
function syntheticStore(path = fresh("synthetic.store")): string {
  const table = nb201.table();
  const random = new Random(3);
  const store = StatsStore.write(path, SETTINGS, () => {});
  for (let index = 0; index < RECORDS; index++) {
    const arch = table.archAt(index);
    const length = nb201.nodeCount(nb201.parse(arch));
    const nodes = Object.fromEntries(SETTINGS.proxies.map((name) => [name, Array.from({ length }, () => random.normal())]));
    const scores = Object.fromEntries(SETTINGS.proxies.map((name) => [name, random.normal()]));
    store.append({ arch, index, scores, nodes, flags: [] });
  }
  store.close();
  return path;
}

const storeLines = (path: string) => readFileSync(path, "utf8").split("\n").slice(0, -1);
const writeLines = (path: string, lines: string[]) => writeFileSync(path, lines.map((line) => `${line}\n`).join(""));
const checksummed = (text: string) => `${crc32(text).toString(16).padStart(8, "0")} ${text}`;

/** Flips the first digit of line `n`'s checksum (1-based). */
function flipChecksum(path: string, n: number): string {
  const lines = storeLines(path);
  const line = lines[n - 1];
  lines[n - 1] = (line[0] === "0" ? "1" : "0") + line.slice(1);
  writeLines(path, lines);
  return lines[n - 1];
}

const warningLines = (stderr: string) => stderr.split("\n").filter((line) => line.startsWith("parzc: warning:"));

test("a FIFO, a device or a folder as a store exits 2 within seconds, naming it", () => {
  const fifo = fresh("pipe.store");
  assert.is(spawnSync("mkfifo", [fifo]).status, 0);
  const good = syntheticStore();
  const exportFile = fresh("good.jsonl");
  writeFileSync(exportFile, [...jsonlLines(StatsStore.read(good))].join(""));
  for (const [args, fragment] of [
    [["stats", "export", "--store", "/dev/zero"], "stats store /dev/zero is a device"],
    [["stats", "export", "--store", fifo], `stats store ${fifo} is a FIFO`],
    [["stats", "export", "--store", scratch], `stats store ${scratch} is a folder`],
    [["proxies", "--stats", fifo, "--data", DATA], `stats store ${fifo} is a FIFO`],
    [["stats", "merge", good, "--out", fifo], `stats store ${fifo} is a FIFO`],
    [["stats", "import", exportFile, "--out", "/dev/zero", "--data", DATA], "stats store /dev/zero is a device"],
    [["stats", "repair", fifo], `stats store ${fifo} is a FIFO`],
  ] as const) {
    const started = Date.now();
    const run = parzc([...args], { timeout: 20_000 });
    assertInputFailure(run, fragment);
    assert.ok(Date.now() - started < 20_000, `${args.join(" ")} took ${Date.now() - started} ms`);
  }
});

test("a flipped checksum digit on a middle line: export and train still work, with one warning naming the repair command", () => {
  const store = syntheticStore();
  flipChecksum(store, 20);
  const exported = parzc(["stats", "export", "--store", store]);
  assert.is(exported.status, 0, exported.stderr);
  assert.is(exported.stdout.split("\n").length - 1, RECORDS - 1);
  assert.equal(warningLines(exported.stderr), [
    `parzc: warning: ${store}: skipped 1 damaged line(s) (line 20) that fail their checksum or hold no record; what they held is left out. ` +
      `Run \`parzc stats repair ${store}\` to set them aside and keep every good record.`,
  ]);
  const model = fresh("model.json");
  const train = parzc(["train", "--stats", store, "--target", "c10v_valid_200", "--train-size", "8", "--epochs", "1", "--model", "mlp", "--quiet", "--data", DATA, "--out", model]);
  assert.is(train.status, 0, train.stderr);
  assert.ok(existsSync(model));
  assert.ok(train.stderr.includes(`${store}: skipped 1 damaged line(s) (line 20)`), train.stderr);
});

test("stats repair keeps every good record, sets the damaged line aside verbatim, and leaves a clean store", () => {
  const store = syntheticStore();
  const damaged = flipChecksum(store, 20);
  const before = storeLines(store);
  const repair = parzc(["stats", "repair", store]);
  assert.is(repair.status, 0, repair.stderr);
  const aside = readdirSync(scratch).filter((name) => name.startsWith(`${store.slice(scratch.length + 1)}.damaged-`));
  assert.is(aside.length, 1);
  const asidePath = join(scratch, aside[0]);
  assert.match(aside[0], /\.damaged-\d{8}T\d{6}Z$/);
  assert.is(repair.stdout, `kept ${RECORDS - 1} records, set aside 1 damaged line(s) to ${asidePath}\n`);
  assert.is(readFileSync(asidePath, "utf8"), `${damaged}\n`);
  assert.equal(storeLines(store), before.filter((line) => line !== damaged));
  assert.not.ok(existsSync(`${store}.lock`));
  const exported = parzc(["stats", "export", "--store", store]);
  assert.equal([exported.status, exported.stderr], [0, ""]);
  assert.is(exported.stdout.split("\n").length - 1, RECORDS - 1);
  const again = parzc(["stats", "repair", store]);
  assert.is(again.status, 0, again.stderr);
  assert.match(again.stdout, /^kept 29 records: .* has no damaged lines/);
  assert.is(readdirSync(scratch).filter((name) => name.includes(".damaged-")).length, 1);
});

test("repair keeps what the store keeps: each arch's first record and the standing failures, in file order", async () => {
  const { repairStore } = await import("../../src/pipeline/storeRepair.js");
  const path = fresh("failures.store");
  const store = StatsStore.write(path, SETTINGS, () => {});
  const record = (arch: string, score: number) => ({ arch, index: 1, scores: { grad_norm: score }, nodes: {}, flags: [] });
  store.append({ arch: "a", index: 1, failed: "boom" });
  store.append(record("a", 1));
  store.append({ arch: "b", index: 2, failed: "bang" });
  store.close();
  const lines = storeLines(path);
  writeLines(path, [...lines, checksummed(JSON.stringify(record("a", 2))), "damaged", lines[1]]);
  const { kept, damaged, file } = repairStore(path);
  assert.equal([kept, damaged], [2, 1]);
  assert.equal(storeLines(path), [lines[0], lines[2], lines[3]]);
  assert.is(readFileSync(file!, "utf8"), "damaged\n");
  const repaired = StatsStore.read(path);
  assert.equal([[...repaired.records()].map((r) => r.scores.grad_norm), repaired.failed()], [[1], [{ arch: "b", index: 2, failed: "bang" }]]);
});

test("a line with a valid checksum that is not JSON, or JSON that is no record, is skipped like a damaged line", () => {
  const store = syntheticStore();
  const lines = storeLines(store);
  lines.splice(5, 0, checksummed("not json {"), checksummed('{"arch":"x","index":1}'));
  writeLines(store, lines);
  const exported = parzc(["stats", "export", "--store", store]);
  assert.is(exported.status, 0, exported.stderr);
  assert.is(exported.stdout.split("\n").length - 1, RECORDS);
  assert.match(exported.stderr, /skipped 2 damaged line\(s\) \(line 6, 7\)/);
  const repair = parzc(["stats", "repair", store]);
  assert.match(repair.stdout, new RegExp(`^kept ${RECORDS} records, set aside 2 damaged line\\(s\\) to `));
});

test("a damaged header is refused by readers and by repair, and the store is left as it was", () => {
  const store = syntheticStore();
  flipChecksum(store, 1);
  const bytes = readFileSync(store);
  assertInputFailure(parzc(["stats", "export", "--store", store]), `stats store ${store} line 1`, "is damaged");
  assertInputFailure(parzc(["stats", "repair", store]), `stats store ${store} line 1`, "neither reads nor repairs");
  assert.ok(readFileSync(store).equals(bytes));
});

/** The export of a synthetic store, with line 3 changed by `change`. */
function exportWith(name: string, change: (line: any) => void): string {
  const lines = [...jsonlLines(StatsStore.read(syntheticStore()))].map((text) => JSON.parse(text));
  change(lines[2]);
  const file = fresh(name);
  writeFileSync(file, lines.map((line) => `${JSON.stringify(line)}\n`).join(""));
  return file;
}

test("an import with a bad line makes no store: the whole file is checked first", async () => {
  const file = exportWith("bad-last-line.jsonl", () => {});
  const lines = readFileSync(file, "utf8").split("\n");
  lines[RECORDS - 1] = lines[RECORDS - 1].replace('"index":29', '"index":3');
  writeFileSync(file, lines.join("\n"));
  const missing = fresh("never.store");
  await rejectsInputError(importJsonl(file, { out: missing, data: DATA, warn: () => {} }), `${file} line ${RECORDS}, field index`);
  assert.not.ok(existsSync(missing));
});

const BAD_IMPORTS: [string, (line: any) => void, string[]][] = [
  ["an index that is not its arch's", (line) => (line.index = 7), ["line 3, field index: 7 is not the NAS-Bench-201 index of", "expected 2"]],
  ["a short node vector", (line) => line.proxies.snip.nodes.pop(), ["line 3, field proxies.snip.nodes:", "values; expected", "one per Conv/Linear node"]],
  ["a string score", (line) => (line.proxies.grad_norm.score = "1.5"), ['line 3, field proxies.grad_norm.score: "1.5"; expected a finite number or null']],
  ["a string in a node vector", (line) => (line.proxies.synflow.nodes[4] = "x"), ['line 3, field proxies.synflow.nodes[4]: "x"; expected a finite number or null']],
  ["an unknown proxy", (line) => { line.proxies.snipp = line.proxies.snip; delete line.proxies.snip; }, ['line 3, field proxies: unknown proxy "snipp"']],
];
// The first through the CLI (exit 2, one line); the others in-process, where an InputError is exit 2.
BAD_IMPORTS.forEach(([what, change, fragments], i) => {
  test(`import of a line with ${what} is refused naming the line and field, and leaves the store as it was`, async () => {
    const file = exportWith(`${what.replace(/\W+/g, "_")}.jsonl`, change);
    const held = syntheticStore();
    const bytes = readFileSync(held);
    const [first, ...rest] = fragments;
    if (i === 0) assertInputFailure(parzc(["stats", "import", file, "--out", held, "--data", DATA]), `${file} ${first}`, ...rest);
    else await rejectsInputError(importJsonl(file, { out: held, data: DATA, warn: () => {} }), `${file} ${first}`, ...rest);
    assert.ok(readFileSync(held).equals(bytes));
  });
});

test("while a writer holds the store, import, merge, repair and stats into it are refused at once, naming the pid", () => {
  const store = syntheticStore();
  const exportFile = fresh("copy.jsonl");
  writeFileSync(exportFile, [...jsonlLines(StatsStore.read(store))].join(""));
  const holder = StatsStore.write(store, SETTINGS, () => {});
  const refusal = [`stats store ${store} is being written by process ${process.pid}`, "Wait for it to finish"];
  try {
    assertInputFailure(parzc(["stats", "import", exportFile, "--out", store, "--data", DATA]), ...refusal);
    assertInputFailure(parzc(["stats", "merge", syntheticStore(), "--out", store]), ...refusal);
    assertInputFailure(parzc(["stats", "repair", store]), ...refusal);
    const run = ["stats", "--archs", "sample:2", "--proxies", SETTINGS.proxies.join(","), "--batch", "4", "--data", DATA, "--out", store, "--worker", SLOW_WORKER];
    assertInputFailure(parzc(run), ...refusal);
  } finally {
    holder.close();
  }
  assert.not.ok(existsSync(`${store}.lock`));
  const imported = parzc(["stats", "import", exportFile, "--out", store, "--data", DATA]);
  assert.equal([imported.status, imported.stdout], [0, `imported 0, skipped ${RECORDS} (store ${store})\n`], imported.stderr);
});

test("a lock whose process is gone, or an earlier run's with our own pid, is taken over", () => {
  const store = syntheticStore();
  const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
  for (const pid of [dead, process.pid]) {
    writeFileSync(`${store}.lock`, `${pid} ${hostname()} 00000000`);
    const writer = StatsStore.write(store, SETTINGS, () => {});
    assert.match(readFileSync(`${store}.lock`, "utf8"), new RegExp(`^${process.pid} `));
    writer.close();
    assert.not.ok(existsSync(`${store}.lock`));
  }
});

function exited(child: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((done) => child.on("exit", (_code, signal) => done(signal)));
}

test("two parzc stats into one store: the second is refused while the first runs; after kill -9 the next run takes over", async () => {
  const store = fresh("run.store");
  const run = ["stats", "--archs", "sample:20", "--proxies", "params", "--batch", "4", "--workers", "1", "--data", DATA, "--out", store, "--worker", SLOW_WORKER];
  const { PARZC_DATA, PARZC_CACHE, ...inherited } = process.env;
  const first = spawn(process.execPath, [CLI, ...run], { cwd: REPO, stdio: "ignore", env: { ...inherited, PARZC_SLOW_MS: "1000" } });
  const gone = exited(first);
  try {
    const deadline = Date.now() + 30_000;
    while (!(existsSync(store) && storeLines(store).length > 1) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
    assert.ok(storeLines(store).length > 1, "the first run never wrote a record");
    assertInputFailure(parzc(run), `stats store ${store} is being written by process ${first.pid}`);
  } finally {
    first.kill("SIGKILL");
  }
  assert.is(await gone, "SIGKILL");
  assert.ok(readFileSync(`${store}.lock`, "utf8").startsWith(`${first.pid} `));
  const rerun = parzc(run);
  assert.is(rerun.status, 0, rerun.stderr);
  const [, done, skipped] = /^done (\d+), skipped (\d+),/.exec(rerun.stdout)!;
  assert.is(Number(done) + Number(skipped), 20);
  assert.is(StatsStore.read(store).count, 20);
  assert.is(storeLines(store).length, 21);
  assert.not.ok(existsSync(`${store}.lock`));
});

test.after(() => rmSync(scratch, { recursive: true }));

test.run();
