// Option values and input text are bounded ("[fresh]" issue): every --seed takes 0..2^32-1 in
// digits (2^32 would repeat seed 0; 9007199254740993 would be rounded); sizes, samples, workers,
// batches and counts have upper bounds that say why; `stats --dataset` offers only cifar10; a 3 MB
// arch line gives a short message; `--target arch_str` is called what it is; a model holding a NaN
// or ±Inf weight is refused by eval, rank and the page's parseModel.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Command, CommanderError } from "commander";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { demoCommand } from "../../src/cli/demo.js";
import { evalCommand } from "../../src/cli/eval.js";
import { rankCommand } from "../../src/cli/rank.js";
import { searchCommand } from "../../src/cli/search.js";
import { statsCommand } from "../../src/cli/stats.js";
import { trainCommand } from "../../src/cli/train.js";
import { resolveDataRoot } from "../../src/data/paths.js";
import { defaultConfig } from "../../src/model/config.js";
import { syntheticDataset } from "../../src/model/dataset.js";
import { modelDocument, parseModel } from "../../src/model/modelFile.js";
import { train } from "../../src/model/train.js";
import { InputError } from "../../src/util/errors.js";
import { assertInputFailure, builtParzc } from "../helpers/builtCli.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-probe-bounds-"));
const DATA = resolveDataRoot();
const NEEDS = {
  train: ["--stats", "s.store", "--target", "c10v_valid_200", "--train-size", "10", "--out", "m.json"],
  eval: ["--model", "m.json", "--stats", "s.store", "--target", "c10_test_200"],
  rank: ["--model", "m.json", "--stats", "s.store"],
  search: ["--proxy", "synflow"],
};

/** The message commander gives when parsing `args` fails (no action runs), in process. */
function refusal(command: Command, args: string[]): string {
  command.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  // Should a value be accepted, nothing runs: the test then fails on the missing refusal.
  for (const leaf of [command, ...command.commands]) if (leaf.commands.length === 0) leaf.action(() => {});
  try {
    command.parse(args, { from: "user" });
  } catch (error) {
    assert.instance(error, CommanderError);
    return (error as CommanderError).message;
  }
  assert.unreachable(`${command.name()} ${args.join(" ")} was accepted`);
  return "";
}

const commands: [string, () => Command, string[]][] = [
  ["stats", statsCommand, []], ["train", trainCommand, NEEDS.train], ["eval", evalCommand, NEEDS.eval],
  ["rank", rankCommand, NEEDS.rank], ["search", searchCommand, NEEDS.search], ["demo", demoCommand, []],
];

test("every --seed refuses 2^32 (which would repeat seed 0), text Number() rounds or reads as another number, with the bound", () => {
  for (const [name, make, needs] of commands) {
    for (const seed of ["4294967296", "9007199254740993", "1e3", "0x10", "-1", "1.5", ""]) {
      const message = refusal(make(), [...needs, "--seed", seed]);
      assert.ok(message.includes(`'--seed <n>' argument '${seed}' is invalid. expected an integer >= 0 and <= 4294967295, in digits: seeds are 32-bit`), `${name}: ${message}`);
    }
  }
});

test("sizes, samples, workers, batches and counts above their bounds are refused, each naming its bound and why", () => {
  const cases: [() => Command, string[], string, number, string][] = [
    [trainCommand, NEEDS.train, "--width", 1024, "wasm memory"],
    [trainCommand, NEEDS.train, "--depth", 128, "wasm memory"],
    [trainCommand, NEEDS.train, "--sequence", 8192, "s an epoch"],
    [trainCommand, NEEDS.train, "--segment", 8192, "sequence"],
    [trainCommand, NEEDS.train, "--members", 64, "wasm memory"],
    [trainCommand, NEEDS.train, "--batch-size", 4096, "wasm memory"],
    [trainCommand, NEEDS.train, "--epochs", 10000, "hours"],
    [trainCommand, NEEDS.train, "--train-size", 423624, "the largest space, has 423624"],
    [rankCommand, NEEDS.rank, "--samples", 1000, "full pass"],
    [evalCommand, NEEDS.eval, "--samples", 1000, "full pass"],
    [searchCommand, NEEDS.search, "--samples", 1000, "full pass"],
    [rankCommand, NEEDS.rank, "--top", 423624, "the largest space, has 423624"],
    [searchCommand, NEEDS.search, "--top", 423624, "the largest space, has 423624"],
    [demoCommand, [], "--sample", 423624, "the largest space, has 423624"],
    [statsCommand, [], "--batch", 96, "4 GiB"],
    [searchCommand, NEEDS.search, "--batch", 96, "4 GiB"],
    ...([statsCommand, demoCommand, searchCommand, rankCommand, evalCommand] as const).map((make): [() => Command, string[], string, number, string] =>
      [make, NEEDS[make().name() as keyof typeof NEEDS] ?? [], "--workers", -1, "own wasm memory"]),
  ];
  for (const [make, needs, option, bound, why] of cases) {
    const value = option === "--workers" ? "100000" : String(bound + 1);
    const message = refusal(make(), [...needs, option, value]);
    assert.match(message, new RegExp(`'${option} <\\w+>' argument '${value}' is invalid\\. expected an integer >= \\d+ and <= ${bound < 0 ? "\\d+" : bound}, in digits: .*${why}`), message);
  }
});

test("stats --dataset offers only cifar10 and says why another is refused; arch still takes every dataset", () => {
  const message = refusal(statsCommand(), ["--dataset", "cifar100"]);
  assert.ok(message.includes(`argument 'cifar100' is invalid. expected cifar10: parzc stats has no images for dataset "cifar100"`), message);
  const help = builtParzc(["stats", "run", "--help"]).stdout;
  assert.match(help, /--dataset <name> +dataset: cifar10/);
  assert.not.match(help, /ImageNet16-120"|cifar100/);
  assert.match(builtParzc(["arch", "--help"]).stdout, /choices: "cifar10",\s+"cifar100", "ImageNet16-120"/);
});

test("the built CLI: exit 2 and one line for a refused value; the largest seed is accepted", () => {
  assertInputFailure(builtParzc(["stats", "--seed", "4294967296"]), "expected an integer >= 0 and <= 4294967295");
  assertInputFailure(builtParzc(["rank", ...NEEDS.rank, "--samples", "100000"]), "<= 1000");
  assertInputFailure(builtParzc(["train", ...NEEDS.train, "--width", "100000"]), "<= 1024");
  assertInputFailure(builtParzc(["stats", "--dataset", "ImageNet16-120"]), "expected cifar10");
  const store = join(scratch, "top-seed.store");
  const run = builtParzc(["stats", "--seed", "4294967295", "--archs", "sample:2", "--proxies", "params", "--workers", "1", "--out", store, "--data", DATA]);
  assert.is(run.status, 0, run.stderr);
  assert.ok(run.stdout.startsWith("done 2, skipped 0"), run.stdout);
});

test("a 3 MB arch line gives a short message: the text cut to 120 characters, with its length", () => {
  const file = join(scratch, "huge.txt");
  const line = `|nor_conv_3x3~0|+${"|skip_connect~0".repeat(200_000)}|`;
  writeFileSync(file, `${line}\n`);
  for (const args of [["arch", "--file", file], ["stats", "--archs", `file:${file}`, "--proxies", "params", "--out", join(scratch, "huge.store"), "--data", DATA]]) {
    const run = builtParzc(args);
    assertInputFailure(run, `${file} line 1: bad NB201 architecture "|nor_conv_3x3~0|+|skip_connect~0|`, `…" (${line.length.toLocaleString("en-US")} characters)`);
    assert.ok(run.stderr.length < 800, `${run.stderr.length} characters: ${run.stderr.slice(0, 300)}`);
  }
  assert.ok(line.length > 3_000_000);
});

test("--target arch_str, index or an unknown column: named as such (not a damaged file), with the numeric columns listed", () => {
  const store = join(scratch, "params.store");
  assert.is(builtParzc(["stats", "--archs", "sample:3", "--proxies", "params", "--workers", "1", "--out", store, "--data", DATA]).status, 0);
  for (const [target, problem] of [["arch_str", /column "arch_str" of the NB201 table \S+ is not a numeric benchmark column \(it holds the architecture strings\)/], ["index", /column "index" of the NB201 table \S+ is not a numeric benchmark column \(it is the row number\)/], ["c10_tset_200", /the NB201 table \S+ has no column "c10_tset_200"/]] as const) {
    const run = builtParzc(["proxies", "--stats", store, "--target", target, "--data", DATA]);
    assertInputFailure(run, problem, ": expected an accuracy (c10_test_200, c100_test_200,", "or another numeric column (n_seeds_200, params_mb_c10");
    assert.not.match(run.stderr, /damaged|index, arch_str/);
  }
});

/** A small trained model's file with `value` written into its first parameter. */
async function modelWith(value: number): Promise<{ path: string; parameter: string; text: string }> {
  const config = defaultConfig("mabn", { sequence: 32, segment: 8, width: 8, depth: 1, archEncoder: { width: 4, layers: 1, hidden: 8 } });
  const { model } = await train(config, syntheticDataset(20, { seed: 8 }), { epochs: 1, seed: 3 });
  const document = modelDocument(model);
  const [first] = document.parameters;
  const values = new Float32Array(Buffer.from(first.data, "base64").buffer.slice(0));
  values[3] = value;
  first.data = Buffer.from(values.buffer).toString("base64");
  const path = join(scratch, `model-${value}.json`);
  const text = JSON.stringify(document);
  writeFileSync(path, text);
  return { path, parameter: first.name, text };
}

test("a model holding NaN or ±Inf is refused by eval, rank and the page's parseModel, naming the parameter and the file", async () => {
  for (const value of [NaN, Infinity, -Infinity]) {
    const { path, parameter, text } = await modelWith(value);
    const store = join(scratch, "params.store");
    const commands = [["eval", "--model", path, "--stats", store, "--target", "c10_test_200"], ["rank", "--model", path, "--stats", store]];
    for (const command of value === -Infinity ? [] : Number.isNaN(value) ? commands : commands.slice(1)) {
      assertInputFailure(builtParzc([...command, "--data", DATA]), `${path}: parameter "${parameter}" holds ${value} (value 3 of`, "retrain");
    }
    await parseModel(text, "uploaded model.json").then(
      () => assert.unreachable("accepted"),
      (error: Error) => assert.ok(error instanceof InputError && error.message.startsWith(`uploaded model.json: parameter "${parameter}" holds ${value}`), error.message),
    );
  }
});

test.after(() => rmSync(scratch, { recursive: true }));

test.run();
