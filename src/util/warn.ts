// Warnings for people: one line on stderr, never a stack trace. Long-running code takes a
// Warn parameter so tests can collect the messages instead.
export type Warn = (message: string) => void;

export const warnOnStderr: Warn = (message) => {
  process.stderr.write(`parzc: warning: ${message}\n`);
};
