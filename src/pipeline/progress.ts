// Progress of a long run on stderr: a bar redrawn in place on a TTY; off a TTY (batch-job logs)
// a plain line every few seconds, headed by the run's label. Both show done/total, archs/s and the ETA.
const TTY_REDRAW_MS = 200;
const LOG_INTERVAL_MS = 5000;
const BAR_WIDTH = 24;

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  const [h, m] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60)];
  if (h > 0) return `${h}h${String(m).padStart(2, "0")}m`;
  return m > 0 ? `${m}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

export class Progress {
  private finished = 0;
  /** The count the bar shows, once it is drawn. */
  private drawn: number | undefined;
  private readonly started: number;
  private lastShown: number;

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream = process.stderr,
    private readonly now: () => number = () => performance.now(),
    private readonly label = "stats",
  ) {
    this.started = this.lastShown = now();
  }

  /** One more architecture finished (done or failed). */
  step(): void {
    this.reach(this.finished + 1);
  }

  /** `done` architectures finished so far. */
  reach(done: number): void {
    this.finished = done;
    const interval = this.stream.isTTY ? TTY_REDRAW_MS : LOG_INTERVAL_MS;
    if (this.now() - this.lastShown >= interval || (this.stream.isTTY && this.finished === this.total)) this.show();
  }

  /** Leaves the cursor on a fresh line after a bar, the bar showing the last count (a run cut short by Ctrl-C too). */
  end(): void {
    if (!this.stream.isTTY || (this.finished === 0 && this.drawn === undefined)) return;
    if (this.drawn !== this.finished) this.show();
    this.stream.write("\n");
  }

  private show(): void {
    this.lastShown = this.now();
    this.drawn = this.finished;
    const seconds = (this.lastShown - this.started) / 1000;
    const rate = this.finished / seconds;
    const status = `${this.finished}/${this.total}  ${rate.toFixed(2)} archs/s  ETA ${formatDuration((this.total - this.finished) / rate)}`;
    if (this.stream.isTTY) {
      const filled = Math.round((BAR_WIDTH * this.finished) / this.total);
      this.stream.write(`\r[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${status}\x1b[K`);
    } else {
      this.stream.write(`${this.label}: ${status}\n`);
    }
  }
}

/**
 * Runs work that reports cumulative counts (predictParallel's onProgress) under a bar labelled
 * `label`. The bar appears with the first report, so a run too short to report draws nothing, and
 * it is closed when the work ends, failed or not.
 */
export async function withProgress<T>(label: string, run: (onProgress: (done: number, total: number) => void) => Promise<T>, stream: ProgressStream = process.stderr): Promise<T> {
  let progress: Progress | undefined;
  try {
    return await run((done, total) => (progress ??= new Progress(total, stream, undefined, label)).reach(done));
  } finally {
    progress?.end();
  }
}
