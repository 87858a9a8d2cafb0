// `parzc info` (built CLI): versions, wasm features, the model's matmul backend and the data folder.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { simdFunctions } from "../../src/api/wasmFeatures.js";
import { REPO, builtParzc } from "../helpers/builtCli.js";

// The project's own data/ (present in every clone), named explicitly.
const DATA = join(REPO, "data");
const lockVersion = (name: string) => JSON.parse(readFileSync(join(REPO, "package-lock.json"), "utf8")).packages[`node_modules/${name}`].version as string;

test("info --json reports the versions installed here", () => {
  const run = builtParzc(["info", "--json", "--data", DATA]);
  assert.is(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.is(report.parzc, JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).version);
  assert.is(report.node, process.versions.node);
  assert.equal(report.assemblyscript, { version: lockVersion("assemblyscript"), installed: true });
  assert.equal(report.dependencies, { commander: lockVersion("commander"), piscina: lockVersion("piscina"), "gpu.js": lockVersion("gpu.js") });
});

test("info --json: SIMD supported and used, threads available but no shared memory, the wasm sgemm on a CPU", () => {
  const { wasm, matmul } = JSON.parse(builtParzc(["info", "--json"]).stdout);
  assert.is(wasm.simd.supported, true); // Node 20 has SIMD
  assert.equal({ functions: wasm.simd.functions, of: wasm.simd.of }, simdFunctions(readFileSync(join(REPO, "build", "parzc.wasm"))));
  assert.ok(wasm.simd.functions > 0);
  assert.equal(wasm.threads, { supported: true, sharedArrayBuffer: true, atomics: true, sharedMemory: false });
  // The test machines have no GPU: gpu.js falls back to a CPU mode, so `auto` keeps the SIMD sgemm.
  assert.equal({ backend: matmul.backend, device: matmul.device }, { backend: "wasm", device: "wasm-simd" });
  assert.match(matmul.reason, /no GPU/);
});

test("simdFunctions counts functions with v128 locals in a hand-made module", () => {
  // Two functions: one with (local v128), one with (local i32).
  const module = Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 3, 2, 0, 0, 10, 11, 2, 4, 1, 1, 0x7b, 11, 4, 1, 1, 0x7f, 11);
  assert.ok(WebAssembly.validate(module));
  assert.equal(simdFunctions(module), { functions: 1, of: 2 });
});

test("info names the data folder it found, and says how to fix a missing one without failing", () => {
  const found = JSON.parse(builtParzc(["info", "--json", "--data", DATA]).stdout).data;
  assert.equal(found, { root: DATA, via: "--data", folders: { nb201: true, cifar10: true, nbsz_graf: true } });
  const absent = join(mkdtempSync(join(tmpdir(), "parzc-info-")), "absent");
  const run = builtParzc(["info", "--json"], { env: { PARZC_DATA: absent } });
  assert.is(run.status, 0, run.stderr);
  const { data } = JSON.parse(run.stdout);
  assert.is(data.root, null);
  assert.match(data.problem, new RegExp(`${absent}.*PARZC_DATA.*Pass --data DIR or set PARZC_DATA`));
  const human = builtParzc(["info"], { env: { PARZC_DATA: absent } });
  assert.match(human.stdout, /\ndata root +none found\. data folder .*absent \(from PARZC_DATA\) does not exist/);
});

test("info's text report has one line per item", () => {
  const run = builtParzc(["info", "--data", DATA]);
  assert.is(run.status, 0, run.stderr);
  const names = run.stdout.trim().split("\n").map((line) => line.split(/ {2,}/)[0]);
  assert.equal(names, ["parzc", "node", "assemblyscript", "commander", "piscina", "gpu.js", "wasm SIMD", "wasm threads", "matmul backend", "data root"]);
  assert.match(run.stdout, /\nwasm threads +supported here .*not used: the build has no shared memory/);
  assert.ok(run.stdout.includes(`data root       ${DATA} (from --data)`), run.stdout);
});

test.run();
