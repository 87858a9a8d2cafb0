// Training progress on stderr, like Progress (progress.ts) but counted in epochs with the loss:
// redrawn in place on a TTY, otherwise a line at every tenth of the run.
import type { EpochRecord } from "../model/train.js";
import type { ProgressStream } from "./progress.js";

export function epochProgress(epochs: number, stream: ProgressStream = process.stderr, label = "train"): (record: EpochRecord) => void {
  const every = Math.max(1, Math.round(epochs / 10));
  return ({ epoch, loss }) => {
    const status = `${label}: epoch ${epoch}/${epochs}  loss ${loss.toFixed(4)}`;
    if (stream.isTTY) stream.write(`\r${status}\x1b[K${epoch === epochs ? "\n" : ""}`);
    else if (epoch % every === 0 || epoch === epochs) stream.write(`${status}\n`);
  };
}
