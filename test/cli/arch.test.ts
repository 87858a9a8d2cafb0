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
    { arch: INDEX_0, space: "nb201", index: 0, dataset: "cifar10", params: 0.129306, flops: 15.64737, nodes: 38, degenerate: false, valid: true },
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

// The first of nasbench's 52 records (nb101_records_52.json): its key is the graph hash.
const RECORD = {
  hash: "ff91e10b9512cbe4efeec6bd926941a1",
  matrix: [[0, 1, 0, 0, 1, 0], [0, 0, 1, 0, 1, 0], [0, 0, 0, 1, 0, 1], [0, 0, 0, 0, 1, 1], [0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0]],
  ops: ["input", "conv3x3-bn-relu", "conv3x3-bn-relu", "conv3x3-bn-relu", "conv1x1-bn-relu", "output"],
  trainable_parameters: 3824576,
};

test("arch --space nb101 reads nasbench's ModelSpec JSON: params = trainable_parameters, hash = the record's key", () => {
  const run = parzc(["arch", "--space", "nb101", JSON.stringify({ matrix: RECORD.matrix, ops: RECORD.ops }), "--json"]);
  assert.is(run.status, 0, run.stderr);
  const [r] = jsonLines(run.stdout);
  assert.equal([r.arch, r.space, r.params, r.hash, r.vertices, r.edges], ["c3,c3,c3,c1:01,04,12,14,23,25,34,35,45", "nb101", RECORD.trainable_parameters / 1e6, RECORD.hash, 6, 9]);
  assert.type(r.index, "number");
  // The same cell as its compact string and as NASLib's tuple (the raw 7×7 matrix, op ids) is the same architecture.
  const compact = jsonLines(parzc(["arch", "--space", "nb101", r.arch, "--json"]).stdout)[0];
  assert.equal(compact, r);
});

test("arch --space nb101: each broken rule of nasbench's API exits 2 naming it", () => {
  const chain8 = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => (j === i + 1 ? 1 : 0)));
  const cases: [string, string][] = [
    [JSON.stringify({ matrix: [[0, 1, 0], [1, 0, 1], [0, 0, 0]], ops: ["input", "conv3x3-bn-relu", "output"] }), "upper-triangular"],
    [JSON.stringify({ matrix: chain8, ops: ["input", ...Array(6).fill("conv3x3-bn-relu"), "output"] }), "8 vertices after pruning; NB101 allows at most 7"],
    ["c3,c3,c3,c3,c3:01,02,03,04,06,12,23,34,45,56", "10 edges after pruning; NB101 allows at most 9"],
    ["c3,c5:01,12,23", 'unknown op "c5"'],
    ["c3,c3:01,23", "no path leads from the input to the output"],
    ["(0, 1, 2)", "a NASLib tuple holds 56 integers"],
  ];
  for (const [arch, fragment] of cases) {
    const run = parzc(["arch", "--space", "nb101", arch]);
    assertInputFailure(run, fragment);
    assert.is(run.stderr.trim().split("\n").length, 1, run.stderr);
  }
  assertInputFailure(parzc(["arch", "--space", "nb101", "--dataset", "cifar100", ":01"]), "expected one of cifar10");
  assertInputFailure(parzc(["arch", "--space", "nb999", ":01"]), "Allowed choices are nb201, nb101");
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
    arch: ALL_3X3, space: "nb201", index: null, dataset: "cifar10", params: 1.531546, flops: 220.11969, nodes: 98, degenerate: false, valid: true,
  });
});

test.after(() => rmSync(scratch, { recursive: true }));

test.run();
