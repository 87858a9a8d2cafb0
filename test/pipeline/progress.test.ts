import { test } from "uvu";
import * as assert from "uvu/assert";
import { Progress, formatDuration, withProgress } from "../../src/pipeline/progress.js";

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
}

test("off a TTY: a plain line every few seconds with done/total, rate and ETA", () => {
  let now = 0;
  const { stream, written } = fakeStream(false);
  const progress = new Progress(100, stream, () => now);
  now = 1000;
  progress.step();
  assert.equal(written, []);
  now = 5000;
  progress.step();
  assert.equal(written, ["stats: 2/100  0.40 archs/s  ETA 4m05s\n"]);
  progress.end();
  assert.is(written.length, 1);
});

test("on a TTY: a bar redrawn in place, finished on its own line", () => {
  let now = 0;
  const { stream, written } = fakeStream(true);
  const progress = new Progress(2, stream, () => now);
  now = 500;
  progress.step();
  now = 1000;
  progress.step();
  assert.is(written[0], `\r[${"#".repeat(12)}${".".repeat(12)}] 1/2  2.00 archs/s  ETA 1s\x1b[K`);
  assert.match(written[1], /^\r\[#{24}\] 2\/2 {2}2\.00 archs\/s {2}ETA 0s/);
  progress.end();
  assert.is(written[2], "\n");
});

test("work that reports cumulative counts gets its bar from the first report, closed when it ends or fails", async () => {
  const { stream, written } = fakeStream(true);
  assert.is(await withProgress("rank", async () => "quiet", stream), "quiet");
  assert.equal(written, [], "nothing reported, nothing drawn");
  await withProgress("rank", async (onProgress) => {
    onProgress(300, 600);
    onProgress(600, 600);
  }, stream);
  assert.match(written[written.length - 2], /\] 600\/600 /);
  assert.is(written[written.length - 1], "\n");
  const failing = fakeStream(true);
  const failed = withProgress("rank", async (onProgress) => {
    onProgress(1, 600);
    throw new Error("worker died");
  }, failing.stream);
  await failed.then(() => assert.unreachable("the error passes through"), (error: Error) => assert.is(error.message, "worker died"));
  assert.is(failing.written[failing.written.length - 1], "\n", "the bar is closed");
  const log = fakeStream(false);
  let now = 0;
  const plain = new Progress(10, log.stream, () => now, "eval");
  now = 6000;
  plain.reach(5);
  assert.equal(log.written, ["eval: 5/10  0.83 archs/s  ETA 6s\n"]);
});

test("durations read as h/m/s", () => {
  assert.equal([formatDuration(42), formatDuration(125), formatDuration(3 * 3600 + 7 * 60), formatDuration(Infinity)], ["42s", "2m05s", "3h07m", "?"]);
});

test.run();
