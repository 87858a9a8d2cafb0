// Every command of the built CLI explains itself: `--help` exits 0 and ends with examples.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { builtParzc } from "../helpers/builtCli.js";

const REQUIRED = ["arch", "stats", "proxies", "train", "eval", "rank", "search", "demo", "info"];

/** The command names listed under "Commands:" in a help text (commander indents them by two). */
function listedCommands(help: string): string[] {
  const section = help.split("\nCommands:\n")[1]?.split("\n\n")[0] ?? "";
  return [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((match) => match[1]).filter((name) => name !== "help");
}

function assertHelpWithExamples(command: string[]): void {
  const run = builtParzc([...command, "--help"]);
  assert.is(run.status, 0, `${command.join(" ")} --help: ${run.stderr}`);
  assert.match(run.stdout, /^Usage: parzc/);
  assert.match(run.stdout, /\nExamples?:\n/, `${command.join(" ")} --help has no Examples section`);
  // `stats run` is the default subcommand, so its examples read `parzc stats …`.
  assert.ok(run.stdout.includes(`$ parzc ${command[0]}`), `${command.join(" ")} --help shows no example of parzc ${command[0]}`);
}

test("parzc --help lists every command and shows examples", () => {
  const run = builtParzc(["--help"]);
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stdout, /\nExamples:\n/);
  const listed = listedCommands(run.stdout);
  for (const name of REQUIRED) assert.ok(listed.includes(name), `${name} is not listed: ${listed.join(", ")}`);
});

test("each command's --help exits 0 and ends with an Examples section", () => {
  for (const name of listedCommands(builtParzc(["--help"]).stdout)) assertHelpWithExamples([name]);
});

test("so do the stats subcommands", () => {
  const subcommands = listedCommands(builtParzc(["stats", "--help"]).stdout);
  assert.ok(subcommands.length >= 3, subcommands.join(", "));
  for (const name of subcommands) assertHelpWithExamples(["stats", name]);
});

test("--version prints package.json's version", () => {
  const run = builtParzc(["--version"]);
  assert.is(run.status, 0);
  assert.match(run.stdout, /^\d+\.\d+\.\d+\n$/);
});

test.run();
