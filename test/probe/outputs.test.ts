// Outputs never destroy anything and bad paths exit 2 with a clear message ("[fresh]" issue):
// an --out that names an input, a link, a device or a folder is refused before any work; a path
// under procfs or under a regular file gives exit 2 at once instead of a hang or an internal
// error; named inputs that are FIFOs or devices never block; a damaged .gz names itself; two
// exports to one --out never mix. Each case spawns the built CLI (dist/) on tiny inputs.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { fileErrorMessage } from "../../src/cli/fileErrors.js";
import { nb201 } from "../../src/spaces/nb201/index.js";
import { Random } from "../../src/util/random.js";
import { REPO, assertInputFailure, type CliRun } from "../helpers/builtCli.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-probe-outputs-"));
const store = join(scratch, "small.store");
const jsonl = join(scratch, "small.jsonl");
const model = join(scratch, "model.json");
const cache = join(scratch, "cache");
const CLI = join(REPO, "dist", "cli", "main.js");
/** Long enough for a cold start on a busy 2-core machine, far shorter than a hang. */
const QUICK_MS = 20_000;

/** The built CLI, killed after QUICK_MS: a hang comes back as status null instead of blocking the suite. */
function parzc(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const { PARZC_DATA, ...inherited } = process.env;
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: scratch, env: { ...inherited, NO_COLOR: "1", PARZC_CACHE: cache, ...env } });
    const timer = setTimeout(() => child.kill("SIGKILL"), QUICK_MS);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
}

/** Runs independent refusals side by side; each must exit 2 naming its fragments. */
async function refusals(cases: [args: string[], ...fragments: string[]][], env: NodeJS.ProcessEnv = {}): Promise<CliRun[]> {
  const runs = await Promise.all(cases.map(([args]) => parzc(args, env)));
  runs.forEach((run, i) => {
    const [, ...fragments] = cases[i];
    assertInputFailure(run, ...fragments);
  });
  return runs;
}

/** A copy of the store for a test that might destroy it (it did, before the fix). */
function storeCopy(name: string): string {
  const copy = join(scratch, name);
  copyFileSync(store, copy);
  return copy;
}

const temporaries = (folder: string) => readdirSync(folder).filter((name) => /\.tmp-|\.partial/.test(name));

function trainArgs(stats: string, out: string): string[] {
  return ["train", "--stats", stats, "--target", "c10v_valid_200", "--train-size", "4", "--epochs", "1", "--width", "8", "--depth", "1", "--quiet", "--out", out];
}

test.before(async () => {
  // 120 architectures with synthetic node vectors: enough lines that concurrent exports overlap.
  const random = new Random(7);
  const table = nb201.table();
  const lines = nb201.sample(120, random).map(nb201.parse).map((arch) => {
    const text = nb201.format(arch);
    const vector = () => Array.from({ length: nb201.nodeCount(arch) }, () => random.uniform());
    const proxies = { grad_norm: { score: 1, nodes: vector() }, snip: { score: 1, nodes: vector() }, synflow: { score: 1, nodes: vector() } };
    return JSON.stringify({ arch: text, space: "nb201", index: table.indexOf(text), dataset: "cifar10", batch: 16, seed: 0, proxies, flags: [] });
  });
  writeFileSync(jsonl, lines.join("\n") + "\n");
  const imported = await parzc(["stats", "import", jsonl, "--out", store]);
  assert.is(imported.status, 0, imported.stderr);
  const trained = await parzc(trainArgs(store, model));
  assert.is(trained.status, 0, trained.stderr);
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test("train --out or stats export --out naming its own store is refused with exit 2 and the store is intact byte for byte", async () => {
  const [forTrain, forExport] = [storeCopy("train-own.store"), storeCopy("export-own.store")];
  const before = readFileSync(store);
  await refusals([
    [trainArgs(forTrain, forTrain), forTrain, "is the input", "Pass another path"],
    [["stats", "export", "--store", forExport, "--out", forExport], forExport, "is the input"],
  ]);
  assert.ok(readFileSync(forTrain).equals(before), "train's store is unchanged");
  assert.ok(readFileSync(forExport).equals(before), "export's store is unchanged");
});

test("a symbolic link or a character device as --out is refused, and stays as it was", async () => {
  const target = join(scratch, "precious.txt");
  const link = join(scratch, "link.jsonl");
  writeFileSync(target, "keep me\n");
  symlinkSync(target, link);
  // A device of our own where mknod works (root). Never /dev/null as root: the unfixed parzc
  // replaced it with a regular file, for the whole machine; without root it cannot.
  const ours = join(scratch, "null-device");
  const device = spawnSync("mknod", [ours, "c", "1", "3"]).status === 0 ? ours : "/dev/null";
  await refusals([
    [["stats", "export", "--store", store, "--out", link], link, "symbolic link"],
    [trainArgs(store, link), link, "symbolic link"],
    [["stats", "export", "--store", store, "--out", device], device, "a device"],
  ]);
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.is(readFileSync(target, "utf8"), "keep me\n");
  assert.ok(lstatSync(device).isCharacterDevice(), `${device} is still a character device`);
});

test("PARZC_CACHE under /proc, or at a regular file, exits 2 at once instead of spinning", async () => {
  const file = join(scratch, "cache-is-a-file");
  writeFileSync(file, "");
  await refusals([[["stats", "--archs", "sample:2", "--proxies", "params", "--batch", "4"], "PARZC_CACHE /proc/nope", "procfs", "Set PARZC_CACHE"]], { PARZC_CACHE: "/proc/nope" });
  await refusals([[["stats", "import", jsonl], `PARZC_CACHE ${file}`, "not a folder"]], { PARZC_CACHE: file });
});

test("demo --out under /proc, or at a regular file, exits 2 at once before any work", async () => {
  const runs = await refusals(["/proc/nope", jsonl].map((out) => [["demo", "--sample", "6", "--train-size", "2", "--workers", "1", "--out", out], `report folder --out ${out}`]));
  for (const run of runs) assert.not.match(run.stderr, /demo: statistics/, "no statistics were computed");
  assert.not.ok(existsSync(cache), "the cache was never touched");
});

test("train with a bad --out fails before training and leaves no temporary file", async () => {
  const folder = join(scratch, "train-out");
  mkdirSync(folder);
  const started = performance.now();
  await refusals([
    [trainArgs(store, folder), folder, "is a folder"],
    [trainArgs(store, join(jsonl, "model.json")), join(jsonl, "model.json"), "not a folder"],
    [trainArgs(store, "/proc/nope.json"), "/proc/nope.json", "procfs"],
  ]);
  assert.equal(temporaries(folder), []);
  assert.equal(temporaries(scratch), []);
  assert.ok(performance.now() - started < QUICK_MS);
});

test("a bad path exits 2 naming it (no internal error), and an output's missing folders are created", async () => {
  const folder = join(scratch, "a-folder");
  mkdirSync(folder);
  const tooLong = join(scratch, `${"x".repeat(300)}.jsonl`);
  const runs = await refusals([
    [["stats", "export", "--store", store, "--out", "/proc/nope.jsonl"], "/proc/nope.jsonl", "procfs"],
    [["stats", "export", "--store", store, "--out", join(jsonl, "x.jsonl")], join(jsonl, "x.jsonl"), "not a folder"],
    [["stats", "export", "--store", folder], folder, "is a folder"],
    [["proxies", "--stats", folder], folder, "is a folder"],
    [["search", "--proxy", "params", "--pool", "sample:2", "--stats", folder], folder, "is a folder"],
    [["stats", "import", folder], folder, "is a folder"],
    // Past the CLI's own checks, the root turns a file-system error into one line with the path and a fix.
    [["stats", "export", "--store", store, "--out", tooLong], tooLong, "too long a name", "pick a shorter path"],
  ]);
  for (const run of runs) assert.not.match(run.stderr, /internal error/);
  const nested = join(scratch, "new", "deeper", "export.jsonl");
  const exported = await parzc(["stats", "export", "--store", store, "--out", nested]);
  assert.is(exported.status, 0, exported.stderr);
  assert.is(readFileSync(nested, "utf8").trimEnd().split("\n").length, 120);
});

test("a full disk, a read-only disk or a permission error reaching the root is one line with the path and a fix", () => {
  const error = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });
  assert.is(
    fileErrorMessage(error("ENOSPC", "write", "out/m.json.tmp-123-0a1b2c3d")),
    "the disk is full writing out/m.json: free space or pick another --out; nothing finished was lost (outputs appear only once complete).",
  );
  assert.match(fileErrorMessage(error("EROFS", "open", "/ro/x.jsonl"))!, /^\/ro\/x\.jsonl is on a read-only file system .*: pick a path on a writable disk\.$/);
  assert.match(fileErrorMessage(error("EACCES", "mkdir", "/root/x"))!, /^permission denied creating \/root\/x: .*fix its permissions\.$/);
  assert.match(fileErrorMessage(Object.assign(error("ENOENT", "rename", "a.tmp-1-00000000"), { dest: "a" }))!, /^a does not exist/);
  assert.is(fileErrorMessage(new Error("a bug")), undefined, "a real bug stays an internal error");
});

test("a FIFO or /dev/zero named as an input exits 2 at once instead of blocking", async () => {
  const fifo = join(scratch, "fifo");
  assert.is(spawnSync("mkfifo", [fifo]).status, 0, "mkfifo");
  const notRegular = (input: string, args: string[]): [string[], ...string[]] => [args, input, "not a regular file"];
  await refusals([
    notRegular(fifo, ["proxies", "--stats", fifo]),
    notRegular(fifo, ["eval", "--model", fifo, "--stats", store, "--target", "c10_test_200"]),
    notRegular(fifo, ["rank", "--model", model, "--stats", fifo]),
    notRegular(fifo, ["stats", "import", fifo]),
    notRegular(fifo, ["stats", "--archs", `file:${fifo}`, "--proxies", "params", "--batch", "4", "--out", join(scratch, "f.store")]),
    notRegular("/dev/zero", trainArgs("/dev/zero", join(scratch, "m2.json"))),
    notRegular("/dev/zero", ["search", "--model", "/dev/zero"]),
    notRegular("/dev/zero", ["stats", "export", "--store", "/dev/zero"]),
  ]);
});

test("a garbage or truncated .gz import exits 2 naming the file and saying it is damaged", async () => {
  const garbage = join(scratch, "garbage.jsonl.gz");
  writeFileSync(garbage, "this is no gzip\n");
  const whole = gzipSync(readFileSync(jsonl));
  const truncated = join(scratch, "truncated.jsonl.gz");
  writeFileSync(truncated, whole.subarray(0, whole.length >> 1));
  await refusals([
    [["stats", "import", garbage, "--out", join(scratch, "g.store")], garbage, "damaged or not gzip"],
    [["stats", "import", truncated, "--out", join(scratch, "t.store")], truncated, "damaged or not gzip", "export it again"],
  ]);
});

test("two concurrent exports to one --out both succeed and leave one complete file", async () => {
  const reference = join(scratch, "reference.jsonl.gz");
  assert.is((await parzc(["stats", "export", "--store", store, "--out", reference])).status, 0);
  const folder = join(scratch, "concurrent");
  mkdirSync(folder);
  const out = join(folder, "same.jsonl.gz");
  for (let round = 0; round < 2; round++) {
    const runs = await Promise.all(Array.from({ length: 4 }, () => parzc(["stats", "export", "--store", store, "--out", out])));
    for (const run of runs) assert.is(run.status, 0, run.stderr);
    assert.ok(readFileSync(out).equals(readFileSync(reference)), "the output is one whole export");
    assert.equal(temporaries(folder), []);
  }
});

test.run();
