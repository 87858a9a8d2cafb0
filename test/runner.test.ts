// `npm test` is honest: test/run.sh fails the run, and shows why, whenever a test did not pass,
// a test.before hook threw (which uvu 0.5.6 alone swallows, exiting 0), or no summary appeared.
import { spawnSync } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { REPO } from "./helpers/builtCli.js";

function runFixture(name: string) {
  const result = spawnSync("bash", ["test/run.sh", "test/fixtures/runner", `${name}\\.fixture\\.ts$`], { cwd: REPO, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, last: result.stdout.trimEnd().split("\n").at(-1) };
}

test("a passing file passes and is counted", () => {
  const run = runFixture("passing");
  assert.is(run.status, 0, run.output);
  assert.is(run.last, "1 passed, 0 failed, 0 skipped");
});

test("a failing test fails the run", () => {
  const run = runFixture("failing");
  assert.is(run.status, 1, run.output);
  assert.is(run.last, "0 passed, 1 failed, 0 skipped");
});

test("a throwing test.before fails the run and prints its error", () => {
  const run = runFixture("throwing-before");
  assert.is(run.status, 1, run.output);
  assert.match(run.output, /test\.before threw/);
  assert.match(run.output, /setup exploded on purpose/);
  assert.is(run.last, "0 passed, 1 failed, 0 skipped");
});

test("a file that fails to load fails the run and prints its error", () => {
  const run = runFixture("load-error");
  assert.is(run.status, 1, run.output);
  assert.match(run.output, /this file cannot load/);
  assert.match(run.last ?? "", /^0 passed, 1 failed \(no summary/);
});

test.run();
