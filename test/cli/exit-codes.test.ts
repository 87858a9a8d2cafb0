// The built CLI's exit codes: 2 for bad input (with a one-line reason and no stack trace), 1 for
// an internal failure, and error text without colour under NO_COLOR.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { REPO, assertInputFailure, builtParzc } from "../helpers/builtCli.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-exit-"));
const MISSING_STORE = join(scratch, "absent.store");

test("a malformed architecture exits 2", () => {
  assertInputFailure(builtParzc(["arch", "|nor_conv_3x3~0|+|bogus~0|"]), 'bad NB201 architecture "|nor_conv_3x3~0|+|bogus~0|"');
  assertInputFailure(builtParzc(["arch", "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|conv_5x5~2|"]), "conv_5x5");
});

test("a missing or damaged stats store exits 2", () => {
  assertInputFailure(builtParzc(["proxies", "--stats", MISSING_STORE]), `stats store ${MISSING_STORE} does not exist`);
  assertInputFailure(builtParzc(["train", "--stats", MISSING_STORE, "--target", "c10v_valid_200", "--train-size", "5", "--out", join(scratch, "m.json")]), MISSING_STORE);
  assertInputFailure(builtParzc(["stats", "export", "--store", MISSING_STORE]), MISSING_STORE);
  const garbage = join(scratch, "garbage.store");
  writeFileSync(garbage, "this is not a store\n");
  assertInputFailure(builtParzc(["proxies", "--stats", garbage]), garbage);
});

test("a file that is not a parzc model exits 2", () => {
  const notJson = join(scratch, "notes.txt");
  writeFileSync(notJson, "not json\n");
  assertInputFailure(builtParzc(["eval", "--model", notJson, "--stats", MISSING_STORE, "--target", "c10_test_200"]), "is not a parzc model: it is not JSON");
  const other = join(scratch, "other.json");
  writeFileSync(other, JSON.stringify({ format: "something-else" }));
  assertInputFailure(builtParzc(["rank", "--model", other, "--stats", MISSING_STORE]), '"format" is "something-else"');
  assertInputFailure(builtParzc(["rank", "--model", join(scratch, "absent.json"), "--stats", MISSING_STORE]), "cannot be read");
});

test("an unknown flag, an unknown command or a bad option value exits 2", () => {
  assertInputFailure(builtParzc(["arch", "--frobnicate"]), "unknown option '--frobnicate'");
  assertInputFailure(builtParzc(["info", "--frobnicate"]), "unknown option '--frobnicate'");
  assertInputFailure(builtParzc(["frobnicate"]), "unknown command 'frobnicate'");
  assertInputFailure(builtParzc(["eval", "--model", "m.json", "--stats", "s.store", "--target", "c10_test_200", "--samples", "0"]), "expected an integer >= 1");
  assertInputFailure(builtParzc(["arch", "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|", "--data", join(scratch, "no-such-folder")]), "no-such-folder");
});

test("an internal failure (the wasm core missing from the install) exits 1", () => {
  // A copy of the built package without build/parzc.wasm.
  const install = join(scratch, "install");
  cpSync(join(REPO, "dist"), join(install, "dist"), { recursive: true });
  cpSync(join(REPO, "package.json"), join(install, "package.json"));
  symlinkSync(join(REPO, "node_modules"), join(install, "node_modules"));
  const run = builtParzc(["info"], { cli: join(install, "dist", "cli", "main.js") });
  assert.is(run.status, 1, run.stderr);
  assert.match(run.stderr, /^parzc: internal error: .*parzc\.wasm is missing\. Build it with `npm run build:wasm`/);
  assert.not.match(run.stderr, /\n\s+at /);
});

/**
 * The CLI on a pseudo-terminal (util-linux `script`), where colour would show. Node's
 * colour detection also reads CI, NODE_DISABLE_COLORS and TEAMCITY_VERSION (CI=1 means no
 * colour), so they are dropped to make the terminal the only thing the test varies.
 */
function onTerminal(args: string, env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const { NO_COLOR, FORCE_COLOR, NODE_DISABLE_COLORS, CI, TEAMCITY_VERSION, ...inherited } = process.env;
  const command = `${process.execPath} ${join(REPO, "dist", "cli", "main.js")} ${args}`;
  const run = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", env: { ...inherited, TERM: "xterm-256color", ...env } });
  return { status: run.status, output: run.stdout };
}

test("errors are red on a terminal, and plain under NO_COLOR", () => {
  const coloured = onTerminal("arch bogus", {});
  assert.is(coloured.status, 2);
  assert.match(coloured.output, /\x1b\[31mparzc:/);
  const plain = onTerminal("arch bogus", { NO_COLOR: "1" });
  assert.is(plain.status, 2);
  assert.match(plain.output, /^parzc: bad NB201 architecture/);
  assert.not.match(plain.output, /\x1b\[/);
});

test.run();
