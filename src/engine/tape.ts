// The tape is plain data: one entry per recorded op, holding the closure that pushes the
// output's gradient into its inputs. Walking it in reverse is backprop; it is dropped
// after each pass so the arena can reset.
export interface TapeEntry {
  op: string;
  backward: () => void;
}

export class Tape {
  private entries: TapeEntry[] = [];

  record(op: string, backward: () => void): void {
    this.entries.push({ op, backward });
  }

  get length(): number {
    return this.entries.length;
  }

  /** Run every backward closure, newest first, then forget them (unless kept for another backward). */
  replayBackward(keep = false): void {
    for (let i = this.entries.length - 1; i >= 0; i--) this.entries[i].backward();
    if (!keep) this.entries = [];
  }

  clear(): void {
    this.entries = [];
  }
}
