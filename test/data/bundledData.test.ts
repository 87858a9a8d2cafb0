// The data the project ships in data/: every file matches data/manifest.json, tools/bundle-data.ts
// regenerates the folder byte for byte, and the built CLI, run from a copy of the project with no
// ../shared/data anywhere near it (and PARZC_DATA unset), finds and uses the bundled files, and
// refuses a damaged one with a clear message.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readCsv } from "../../src/data/csv.js";
import { readDataBytes } from "../../src/data/dataBytes.js";
import { readManifest, sha256, type DataManifest } from "../../src/data/manifest.js";
import { bundledDataRoot, dataFile } from "../../src/data/paths.js";
import { parseModel } from "../../src/model/modelFile.js";
import { BUNDLED, bundleData, deterministicGzip } from "../../tools/bundle-data.js";
import { assertInputFailure, builtParzc, REPO } from "../helpers/builtCli.js";
import { throwsInputError } from "../helpers/inputError.js";

const DATA = join(REPO, "data");
const manifest = JSON.parse(readFileSync(join(DATA, "manifest.json"), "utf8")) as DataManifest;
const scratch = mkdtempSync(join(tmpdir(), "parzc-bundled-"));
const INDEX_0 = "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|";

/** Every file under `dir`, relative to it, with / separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

test("every bundled file matches data/manifest.json: the .gz as shipped and, gunzipped, the original", () => {
  assert.equal(Object.keys(manifest.files), BUNDLED.map((file) => file.path));
  for (const [path, entry] of Object.entries(manifest.files)) {
    const gz = readFileSync(join(DATA, entry.gz));
    assert.is(entry.gz, `${path}.gz`);
    assert.is(gz.length, entry.gzBytes, `${entry.gz} size`);
    assert.is(sha256(gz), entry.gzSha256, `${entry.gz} sha256`);
    const original = gunzipSync(gz);
    assert.is(original.length, entry.bytes, `${path} size`);
    assert.is(sha256(original), entry.sha256, `${path} sha256`);
  }
  const shipped = filesUnder(DATA).filter((path) => path.endsWith(".gz"));
  assert.equal(shipped, Object.values(manifest.files).map((entry) => entry.gz).sort(), "data/ holds exactly the manifest's .gz files");
});

test("the bundled CIFAR-10 slice is the file shared/data/README.md documents", () => {
  assert.is(manifest.files["cifar10/data_batch_1_first1000.bin"].sha256, "1c5f9ea0fc1111d586f29115efd3db25eecf7db27b29aaebbe84721446b052cc");
});

test("the .gz files are deterministic: no name, mtime 0, and gzipping the original again gives the same bytes", () => {
  for (const entry of Object.values(manifest.files)) {
    const gz = readFileSync(join(DATA, entry.gz));
    assert.is(gz[3] & 0x08, 0, `${entry.gz} stores no file name`);
    assert.is(gz.readUInt32LE(4), 0, `${entry.gz} stores no mtime`);
    assert.is(gz[9], 3, `${entry.gz} names the same OS everywhere`);
    assert.ok(deterministicGzip(gunzipSync(gz)).equals(gz), `${entry.gz} regenerates byte for byte`);
  }
});

test("tools/bundle-data.ts regenerates the .gz files, the manifest and the README's table from a shared folder", () => {
  const shared = join(scratch, "shared");
  const out = join(scratch, "regenerated");
  for (const { path } of BUNDLED) {
    mkdirSync(dirname(join(shared, path)), { recursive: true });
    writeFileSync(join(shared, path), gunzipSync(readFileSync(join(DATA, `${path}.gz`))));
  }
  mkdirSync(out);
  cpSync(join(DATA, "README.md"), join(out, "README.md"));
  assert.equal(bundleData(shared, out), manifest);
  for (const file of ["manifest.json", "README.md", ...BUNDLED.map(({ path }) => `${path}.gz`)]) {
    assert.ok(readFileSync(join(out, file)).equals(readFileSync(join(DATA, file))), `${file} is the same`);
  }
});

test("readers take the plain file or its .gz, and the bundled table reads like the original", () => {
  const table = dataFile(bundledDataRoot(), "nb201", "nb201_merged.csv");
  assert.is(table, join(DATA, "nb201", "nb201_merged.csv.gz"));
  const plain = join(scratch, "merged.csv");
  writeFileSync(plain, readDataBytes(table));
  assert.equal(readCsv(plain).rows.slice(0, 3), readCsv(table).rows.slice(0, 3));
  assert.is(readCsv(table).rows.length, 15625);
  assert.ok(readManifest(DATA) !== null);
  const broken = join(scratch, "broken.csv.gz");
  writeFileSync(broken, gzipSync("a,b\n1,2\n").subarray(0, 12));
  throwsInputError(() => readCsv(broken), broken, "is not a complete gzip file", "pass the gzip file whole");
});

test("the bundled web model loads and reads the ParZC proxies' node vectors", async () => {
  const model = await parseModel(readFileSync(join(DATA, "models", "nb201-web-small.json"), "utf8"), "nb201-web-small.json");
  assert.is(model.config.kind, "mabn");
  assert.equal(model.encoding.proxies, ["grad_norm", "snip", "synflow"]);
  assert.is(model.targetScale.column, "c10v_valid_200");
});

// A copy of the built project without ../shared/data beside it: what a fresh clone or an install has.
const copy = join(scratch, "project");
function copyProject(): void {
  mkdirSync(join(copy, "build"), { recursive: true });
  for (const path of ["package.json", "dist", "data", "build/parzc.wasm"]) cpSync(join(REPO, path), join(copy, path), { recursive: true });
  symlinkSync(join(REPO, "node_modules"), join(copy, "node_modules"));
}
const inCopy = (args: string[]) => builtParzc(args, { cli: join(copy, "dist", "cli", "main.js"), cwd: copy });

test("with no ../shared/data and no PARZC_DATA, the CLI uses the bundled data: info, arch (the table), stats (CIFAR-10)", () => {
  copyProject();
  const info = inCopy(["info", "--json"]);
  assert.is(info.status, 0, info.stderr);
  assert.equal(JSON.parse(info.stdout).data, { root: join(copy, "data"), via: "bundled", folders: { nb201: true, cifar10: true, nbsz_graf: true } });
  assert.match(inCopy(["info"]).stdout, /\ndata root +\S+\/project\/data \(the project's own data\/, gzipped and checked against its manifest\.json: no --data or PARZC_DATA given\)/);

  const arch = inCopy(["arch", INDEX_0, "--json"]);
  assert.is(arch.status, 0, arch.stderr);
  assert.is(JSON.parse(arch.stdout).index, 0);

  const archs = join(scratch, "archs.txt");
  writeFileSync(archs, `${INDEX_0}\n`); // a small network and batch: the images are what is tested
  const store = join(scratch, "one.store");
  const stats = inCopy(["stats", "--archs", `file:${archs}`, "--proxies", "grad_norm", "--batch", "4", "--workers", "1", "--out", store]);
  assert.is(stats.status, 0, stats.stderr);
  assert.match(stats.stdout, /^done 1, skipped 0, flagged 0, failed 0/);
  const [record] = readFileSync(store, "utf8").trim().split("\n").slice(1).map((line) => JSON.parse(line.slice(9)));
  assert.ok(record.scores.grad_norm > 0, "grad_norm was computed on the bundled images");
});

test("a damaged bundled file is refused (exit 2) with the manifest's sha256 and how to restore it", () => {
  const table = join(copy, "data", "nb201", "nb201_merged.csv.gz");
  const damaged = gunzipSync(readFileSync(table));
  damaged[damaged.length - 2] = damaged[damaged.length - 2] === 0x31 ? 0x32 : 0x31; // one digit of the last row
  writeFileSync(table, gzipSync(damaged));
  assertInputFailure(inCopy(["arch", INDEX_0, "--json"]), table, "does not match", "manifest.json", manifest.files["nb201/nb201_merged.csv"].sha256, "git checkout -- data");
  writeFileSync(table, readFileSync(table).subarray(0, 1000));
  assertInputFailure(inCopy(["arch", INDEX_0, "--json"]), table, "is not a complete gzip file", "git checkout -- data");
});

test.after(() => rmSync(scratch, { recursive: true }));

test.run();
