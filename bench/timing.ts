// Timing helpers shared by the bench scripts: warm up, then the median of repeated runs.
export function medianMs(run: () => void, { repeats = 7, warmup = 1 } = {}): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The same for async work (one at a time). */
export async function medianMsAsync(run: () => Promise<unknown>, { repeats = 7, warmup = 1 } = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The value after `--name` on the command line, or the fallback. */
export function argValue(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

export const wantsJson = (): boolean => process.argv.includes("--json");

/** PyTorch from Debian, if present: `/usr/bin/python3 -c "import torch"` succeeds. */
export function torchPython(): string | undefined {
  return torchAvailable ??= probeTorch();
}

import { spawnSync } from "node:child_process";
let torchAvailable: string | undefined;
function probeTorch(): string | undefined {
  const python = "/usr/bin/python3";
  return spawnSync(python, ["-c", "import torch"], { stdio: "ignore" }).status === 0 ? python : undefined;
}
