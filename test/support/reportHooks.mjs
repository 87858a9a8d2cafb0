// Preloaded by test/run.sh. uvu 0.5.6 runs a suite's `test.before` hooks inside a try whose
// finally returns, so an error thrown there is swallowed: no message, the suite's tests count as
// not passed, and the process still exits 0 (lukeed/uvu#60, #80). Wrapping the hook registrar of
// the shared default suite prints the error and fails the run. Plain JavaScript: worker threads
// inherit the preload, and there it may run before tsx's loader is registered.
import { test } from "uvu";

let failedHooks = 0;
const register = test.before;

const describe = (error) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

test.before = Object.assign(
  (hook) =>
    register(async (context) => {
      try {
        await hook(context);
      } catch (error) {
        failedHooks++;
        process.stderr.write(`\n   FAIL  test.before threw, so none of this file's tests ran:\n    ${describe(error).split("\n").join("\n    ")}\n\n`);
        throw error;
      }
    }),
  { each: register.each },
);

process.on("exit", () => {
  if (failedHooks > 0) {
    process.stderr.write(`${failedHooks} test.before hook(s) threw (above); the run fails.\n`);
    process.exitCode = 1;
  }
});
