import { spawnSync } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";

test("a reader that closes early (parzc --help | head -1) ends the CLI quietly with exit 0", () => {
  const run = spawnSync("bash", ["-c", "node --import tsx src/cli/main.ts --help | head -1; echo \"status=${PIPESTATUS[0]}\""], { encoding: "utf8" });
  assert.match(run.stdout, /^Usage: parzc/);
  assert.match(run.stdout, /status=0/);
  assert.not.match(run.stderr, /EPIPE|Error/);
});

test.run();
