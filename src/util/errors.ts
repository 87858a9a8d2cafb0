// Errors written for people. An InputError is the user's to fix (bad arch string, missing
// file, wrong flag): the CLI prints its message alone and exits 2. Anything else is ours:
// exit 1.
export class InputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}
