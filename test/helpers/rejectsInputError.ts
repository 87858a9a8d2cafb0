// The async twin of throwsInputError: `run` must reject with an InputError naming every fragment.
import { throwsInputError } from "./inputError.js";

export async function rejectsInputError(run: Promise<unknown>, ...fragments: (string | RegExp)[]): Promise<void> {
  const outcome = await run.then(
    () => ({ rejected: false, error: undefined }),
    (error: unknown) => ({ rejected: true, error }),
  );
  throwsInputError(() => {
    if (outcome.rejected) throw outcome.error;
  }, ...fragments);
}
