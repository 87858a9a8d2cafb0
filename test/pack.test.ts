// The package as published: `npm pack` of the built tree, installed into an empty folder with its
// dependencies from the npm cache (--offline: no network), where `npx parzc` runs and
// `import { nb201, computeProxies, ParZC, kendallTau } from "parzc"` works, typings included.
// `npm ci` caches the dependencies' tarballs but not the registry's metadata, which a plain
// `npm install --offline` needs (ENOTCACHED on an empty cache). So the scratch app gets a lockfile
// built from ours: with every version and integrity pinned, `npm ci --offline` needs only tarballs.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { nb201 } from "../src/index.js";
import { REPO } from "./helpers/builtCli.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-pack-"));
const app = join(scratch, "app");
const ARCH = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";
// npm passes its settings to scripts as npm_config_* variables (local_prefix among them): a child
// npm would obey them and install into this repository. Give it none but the cache (where `npm ci`
// put the dependencies' tarballs, e.g. an empty folder the user named), and keep it offline.
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) || name.toLowerCase() === "npm_config_cache")),
  npm_config_offline: "true",
  NO_COLOR: "1",
};

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { cwd: app, encoding: "utf8", env, ...options });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

let files: string[] = [];

interface LockEntry {
  dev?: boolean;
  [field: string]: unknown;
}

/** The scratch app's package.json and lockfile: parzc from the tarball, its dependencies as our lockfile pins them. */
function writeApp(tarball: string): void {
  const ours = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string; license: string; dependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string> };
  const lock = JSON.parse(readFileSync(join(REPO, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const spec = `file:${tarball}`;
  const integrity = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
  const packages: Record<string, unknown> = {
    "": { name: "scratch", dependencies: { parzc: spec } },
    "node_modules/parzc": { version: ours.version, resolved: spec, integrity, license: ours.license, dependencies: ours.dependencies, bin: ours.bin, engines: ours.engines },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path !== "" && !entry.dev) packages[path] = entry;
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module", dependencies: { parzc: spec } }));
  writeFileSync(join(app, "package-lock.json"), JSON.stringify({ name: "scratch", lockfileVersion: 3, requires: true, packages }));
}

test.before(() => {
  mkdirSync(app);
  const packed = run("npm", ["pack", "--json", "--pack-destination", scratch], { cwd: REPO });
  assert.is(packed.status, 0, packed.stderr);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  files = info.files.map((file) => file.path);
  writeApp(join(scratch, info.filename));
  const installed = run("npm", ["ci", "--no-audit", "--no-fund", "--offline"]);
  assert.is(installed.status, 0, installed.stderr);
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test("the tarball holds the compiled code, its typings and the wasm core, not the sources", () => {
  for (const path of ["package.json", "README.md", "build/parzc.wasm", "dist/index.js", "dist/index.d.ts", "dist/cli/main.js", "dist/model/predictWorker.js"]) {
    assert.ok(files.includes(path), `${path} is not in the package`);
  }
  assert.not.ok(files.some((path) => /^(src|test|assembly|bench|tools)\//.test(path)), files.join(" "));
});

test("npx parzc --help and npx parzc arch work in the install", () => {
  const help = run("npx", ["parzc", "--help"]);
  assert.is(help.status, 0, help.stderr);
  assert.match(help.stdout, /^Usage: parzc/);
  const arch = run("npx", ["parzc", "arch", ARCH, "--json"]);
  assert.is(arch.status, 0, arch.stderr);
  assert.equal(JSON.parse(arch.stdout), { arch: ARCH, space: "nb201", index: 9930, dataset: "cifar10", params: 1.288506, flops: 184.73025, nodes: 83, degenerate: false, valid: true });
  const bad = run("npx", ["parzc", "arch", "|bogus~0|"]);
  assert.is(bad.status, 2);
});

test("parzc/browser resolves to the browser bundle; other deep imports are closed", () => {
  const resolve = (specifier: string) => run(process.execPath, ["--input-type=module", "-e", `console.log(import.meta.resolve(${JSON.stringify(specifier)}))`]);
  assert.match(resolve("parzc/browser").stdout, /\/node_modules\/parzc\/dist\/web\/parzc\.js\n$/);
  assert.ok(files.includes("dist/web/parzc.js"));
  assert.match(resolve("parzc/dist/model/train.js").stderr, /ERR_PACKAGE_PATH_NOT_EXPORTED/);
});

test("the library imports by name and type-checks against its typings", () => {
  const source = `import { nb201, computeProxies, ParZC, kendallTau, type ProxyRecord } from "parzc";
const arch: string = nb201.format(nb201.fromCode(42));
const tau: number = kendallTau([1, 2, 3], [1, 3, 2]);
const load: (path: string) => Promise<ParZC> = ParZC.load;
const compute: (typeof computeProxies) extends (...args: never[]) => Promise<ProxyRecord> ? true : never = true;
console.log(JSON.stringify({ arch, tau, load: typeof load, compute, train: typeof ParZC.train }));
`;
  writeFileSync(join(app, "use.ts"), source);
  const tsc = join(REPO, "node_modules", "typescript", "bin", "tsc");
  // Compiling checks the code against the installed typings and gives the JavaScript to run.
  const compiled = run(process.execPath, [tsc, "--strict", "--skipLibCheck", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--types", "node", "--typeRoots", join(REPO, "node_modules", "@types"), "use.ts"]);
  assert.is(compiled.status, 0, compiled.stdout + compiled.stderr);
  const ran = run(process.execPath, ["use.js"]);
  assert.is(ran.status, 0, ran.stderr);
  assert.equal(JSON.parse(ran.stdout), { arch: nb201.format(nb201.fromCode(42)), tau: 1 / 3, load: "function", compute: true, train: "function" });
});

test.run();
