// Asserts that `run` throws an InputError whose message contains every fragment.
import * as assert from "uvu/assert";
import { InputError } from "../../src/util/errors.js";

export function throwsInputError(run: () => unknown, ...fragments: (string | RegExp)[]): void {
  try {
    run();
  } catch (error) {
    assert.instance(error, InputError);
    const { message } = error as InputError;
    for (const fragment of fragments) {
      const found = typeof fragment === "string" ? message.includes(fragment) : fragment.test(message);
      assert.ok(found, `message ${JSON.stringify(message)} should contain ${fragment}`);
    }
    return;
  }
  assert.unreachable("expected an InputError");
}
