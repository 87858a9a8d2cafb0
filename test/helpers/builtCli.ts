// Runs the built CLI (dist/cli/main.js from `npm run build`) as a user would: NO_COLOR set and
// PARZC_DATA unset, so each test names its data folder itself.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import * as assert from "uvu/assert";

export const REPO = resolve(import.meta.dirname, "..", "..");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function builtParzc(args: string[], { cli = join(REPO, "dist", "cli", "main.js"), env = {}, cwd = REPO }: { cli?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): CliRun {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` before these tests.`);
  const { PARZC_DATA, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", env: { ...inherited, NO_COLOR: "1", ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Exit 2, nothing on stdout, one `parzc: …` message naming every fragment, no stack trace. */
export function assertInputFailure(run: CliRun, ...fragments: (string | RegExp)[]): void {
  assert.is(run.status, 2, run.stderr);
  assert.is(run.stdout, "");
  assert.ok(run.stderr.startsWith("parzc: "), run.stderr);
  for (const fragment of fragments) {
    assert.ok(typeof fragment === "string" ? run.stderr.includes(fragment) : fragment.test(run.stderr), `${String(fragment)} in ${run.stderr}`);
  }
  assert.not.match(run.stderr, /\n\s+at /);
}
