import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";

const REPO = resolve(import.meta.dirname, "..", "..");
const INDEX_0 = "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|";
const ALL_3X3 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
const ALL_NONE = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|";
const scratch = mkdtempSync(join(tmpdir(), "parzc-cli-"));

function parzc(args: string[], repo = REPO) {
  const { PARZC_DATA, ...env } = process.env;
  const result = spawnSync(process.execPath, ["--import", "tsx", join(repo, "src/cli/main.ts"), ...args], {
    cwd: repo,
    encoding: "utf8",
    env: { ...env, NO_COLOR: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const jsonLines = (stdout: string) => stdout.trim().split("\n").map((line) => JSON.parse(line));

function assertInputFailure(run: ReturnType<typeof parzc>, fragment: string) {
  assert.is(run.status, 2);
  assert.is(run.stdout, "");
  assert.ok(run.stderr.startsWith("parzc: "), run.stderr);
  assert.ok(run.stderr.includes(fragment), run.stderr);
  assert.not.match(run.stderr, /\n\s+at /); // no stack trace
}

test("arch --json reports index 0's index, size and topology", () => {
  const run = parzc(["arch", INDEX_0, "--json"]);
  assert.is(run.status, 0, run.stderr);
  assert.equal(jsonLines(run.stdout), [
    { arch: INDEX_0, index: 0, dataset: "cifar10", params: 0.129306, flops: 15.64737, nodes: 38, degenerate: false, valid: true },
  ]);
});

test("arch --file gives one JSON line per architecture, skipping blanks and comments", () => {
  const file = join(scratch, "archs.txt");
  writeFileSync(file, `# three archs\n${INDEX_0}\n\n${ALL_3X3}\n  ${ALL_NONE}  \n`);
  const run = parzc(["arch", "--file", file, "--json", "--dataset", "ImageNet16-120"]);
  assert.is(run.status, 0, run.stderr);
  const [index0, all3x3, allNone] = jsonLines(run.stdout);
  assert.is(index0.params, 0.136456);
  assert.is(all3x3.flops, 55.03756);
  assert.equal([allNone.arch, allNone.degenerate, allNone.valid, allNone.nodes], [ALL_NONE, true, true, 8]);
});

test("the human block is aligned key/value lines", () => {
  const run = parzc(["arch", ALL_3X3]);
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stdout, /^arch {8}\|nor_conv_3x3~0\|/);
  assert.match(run.stdout, /\nparams {6}1\.531546 M\nflops {7}220\.11969 M\nnodes {7}98\n/);
});

test("a malformed arch exits 2 with a one-line message naming the bad token", () => {
  const run = parzc(["arch", "|conv_5x5~0|+|none~0|none~1|+|none~0|none~1|none~2|"]);
  assertInputFailure(run, 'unknown op "conv_5x5"');
  assert.is(run.stderr.trim().split("\n").length, 1);
});

test("a bad line in --file is reported with its line number", () => {
  const file = join(scratch, "bad.txt");
  writeFileSync(file, `${INDEX_0}\n# fine so far\n|none~0|+|none~0|none~1|\n`);
  assertInputFailure(parzc(["arch", "--file", file]), `${file} line 3: bad NB201 architecture`);
});

test("an unknown flag or dataset exits 2", () => {
  assertInputFailure(parzc(["arch", INDEX_0, "--bogus"]), "unknown option '--bogus'");
  assertInputFailure(parzc(["arch", INDEX_0, "--dataset", "cifar11"]), "cifar11");
});

test("--help ends with examples", () => {
  const run = parzc(["arch", "--help"]);
  assert.is(run.status, 0);
  assert.match(run.stdout, /Examples:\n {2}\$ parzc arch '\|nor_conv_3x3~0\|/);
});

test("without a data folder the index is null and the rest still works", () => {
  const repo = join(scratch, "repo"); // no ../shared/data beside it
  mkdirSync(repo);
  cpSync(join(REPO, "package.json"), join(repo, "package.json"));
  cpSync(join(REPO, "src"), join(repo, "src"), { recursive: true });
  symlinkSync(join(REPO, "node_modules"), join(repo, "node_modules"));
  const run = parzc(["arch", ALL_3X3, "--json"], repo);
  assert.is(run.status, 0, run.stderr);
  assert.equal(jsonLines(run.stdout)[0], {
    arch: ALL_3X3, index: null, dataset: "cifar10", params: 1.531546, flops: 220.11969, nodes: 98, degenerate: false, valid: true,
  });
});

test.after(() => rmSync(scratch, { recursive: true }));

test.run();
