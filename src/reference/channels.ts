// Plain-TS reference for assembly/channels.ts.
import type { Floats } from "./floats.js";

/** y[i] = x[i] for i < n. */
export function copy(x: Floats, n: number, y: Floats): void {
  for (let i = 0; i < n; i++) y[i] = x[i];
}
