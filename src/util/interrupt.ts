// Ctrl-C (SIGINT) and SIGTERM for work that can stop cleanly. While such work runs it listens for
// "abort" on `signal` (runStats does, and piscina for each task): the first signal aborts it, so
// it keeps what it finished and can say how to resume. A second signal, or one that arrives while
// nothing listens (the demo's training, say), exits at once with the shell's code for it.
import { getEventListeners } from "node:events";
import { ownCommandLine } from "./shellQuote.js";

export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT_CODES;

export interface Interrupts {
  readonly signal: AbortSignal;
  /** The signal that stopped the work, once one has. */
  readonly received: StopSignal | undefined;
  /** Puts back the default handling (the process dies with the signal). */
  dispose(): void;
}

export function catchInterrupts(): Interrupts {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  const onSignal = (name: StopSignal) => {
    if (received !== undefined || getEventListeners(controller.signal, "abort").length === 0) process.exit(SIGNAL_EXIT_CODES[name]);
    received = name;
    controller.abort(new Error(`stopped by ${name}`));
  };
  const handlers = (Object.keys(SIGNAL_EXIT_CODES) as StopSignal[]).map((name) => [name, () => onSignal(name)] as const);
  for (const [name, handler] of handlers) process.on(name, handler);
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    dispose() {
      for (const [name, handler] of handlers) process.off(name, handler);
    },
  };
}

/** The line that ends an interrupted run, with the exact command to resume it; sets the signal's exit code. */
export function reportInterrupted(interrupts: Interrupts, left: number, total: number, stream: { write(text: string): unknown } = process.stderr): void {
  stream.write(`parzc: interrupted: rerun the same command to resume (${left} of ${total} left): ${ownCommandLine()}\n`);
  process.exitCode = SIGNAL_EXIT_CODES[interrupts.received ?? "SIGINT"];
}
