#!/usr/bin/env node
// The `parzc` command. The root only assembles the commands (one file each) and maps failures to
// exit codes: 2 for bad input (InputError, unknown flag or command, bad option value, a file-system
// error such as a missing folder or a full disk), 1 for anything else. Bad input never prints a
// stack trace.
import { Command, CommanderError } from "commander";
import { packageJson } from "../api/packageJson.js";
import { InputError } from "../util/errors.js";
import { archCommand } from "./arch.js";
import { proxiesCommand } from "./proxies.js";
import { statsCommand } from "./stats.js";
import { trainCommand } from "./train.js";
import { evalCommand } from "./eval.js";
import { rankCommand } from "./rank.js";
import { searchCommand } from "./search.js";
import { demoCommand } from "./demo.js";
import { fileErrorMessage } from "./fileErrors.js";
import { infoCommand } from "./info.js";

const EXIT_INPUT = 2;
const EXIT_INTERNAL = 1;

const EXAMPLES = `
Examples:
  $ parzc arch '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|'
  $ parzc arch --file archs.txt --json
  $ parzc help arch`;


/** `hasColors()` honours NO_COLOR and FORCE_COLOR. */
function printError(message: string): void {
  const prefix = process.stderr.isTTY && process.stderr.hasColors() ? "\x1b[31mparzc:\x1b[39m" : "parzc:";
  process.stderr.write(`${prefix} ${message.trimEnd()}\n`);
}

function assemble(root: Command, ...commands: Command[]): Command {
  root.exitOverride().showHelpAfterError("(add --help for usage)");
  root.configureOutput({ outputError: (text) => printError(text.replace(/^error: /, "")) });
  // addCommand does not pass settings down; copy them so every command reports the same way.
  for (const command of commands) root.addCommand(command.copyInheritedSettings(root));
  return root;
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_INPUT; // commander printed it
  if (error instanceof InputError) {
    printError(error.message);
    return EXIT_INPUT;
  }
  const fileError = fileErrorMessage(error);
  if (fileError) {
    printError(fileError);
    return EXIT_INPUT;
  }
  printError(`internal error: ${error instanceof Error ? error.message : String(error)}`);
  return EXIT_INTERNAL;
}

const program = assemble(
  new Command("parzc")
    .description("ParZC: parametric zero-cost proxies for neural architecture search")
    .version(packageJson.version)
    .addHelpText("after", EXAMPLES),
  archCommand(),
  statsCommand(),
  proxiesCommand(),
  trainCommand(),
  evalCommand(),
  rankCommand(),
  searchCommand(),
  demoCommand(),
  infoCommand(),
);

// A reader that stops early (`parzc … | head`) is not an error: stop quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}
