// Channel concat and truncation on channel-major activations [C, N, H, W] (NB101's cells). One
// channel block is contiguous, so a concat copies each input's block in turn and a truncation to
// the first c channels is a prefix: a view of x's memory, no copy. Both backwards accumulate the
// matching slice of the output's gradient into each input's.
import type { Engine } from "../engine.js";
import { Tensor } from "../tensor.js";

/** xs stacked along C; N, H and W must agree. A single input is returned as it is. */
export function concatChannels(engine: Engine, xs: readonly Tensor[]): Tensor {
  if (xs.length === 0) throw new Error("concatChannels: needs at least one tensor");
  if (xs.length === 1) return xs[0];
  const [, N, H, W] = xs[0].shape;
  let channels = 0;
  for (const x of xs) {
    if (x.shape.length !== 4 || x.shape[1] !== N || x.shape[2] !== H || x.shape[3] !== W) {
      throw new Error(`concatChannels: shapes [${xs[0].shape}] and [${x.shape}] differ beyond the channels`);
    }
    channels += x.shape[0];
  }
  const y = engine.empty([channels, N, H, W], xs.some((x) => x.requiresGrad));
  const kernels = engine.kernels;
  // Byte offset of each input's block in y (and in y's gradient).
  const starts: number[] = [];
  let start = 0;
  for (const x of xs) {
    starts.push(start);
    kernels.copy(x.ptr, x.size, y.ptr + start);
    start += x.size * engine.elementBytes;
  }
  if (y.requiresGrad) {
    engine.record("concatChannels", () => {
      if (y.grad === 0) return;
      xs.forEach((x, i) => {
        if (x.requiresGrad) kernels.accumulate(y.grad + starts[i], x.size, engine.gradOf(x));
      });
    });
  }
  return y;
}

/** The first `channels` channels of x, as a view (x itself when it has exactly that many). */
export function truncateChannels(engine: Engine, x: Tensor, channels: number): Tensor {
  const [C, ...rest] = x.shape;
  if (!Number.isInteger(channels) || channels < 1 || channels > C) {
    throw new Error(`truncateChannels: cannot keep ${channels} of [${x.shape}]'s ${C} channels (1..${C})`);
  }
  if (channels === C) return x;
  const y = new Tensor(x.ptr, [channels, ...rest], x.requiresGrad);
  if (y.requiresGrad) {
    engine.record("truncateChannels", () => {
      if (y.grad !== 0) engine.kernels.accumulate(y.grad, y.size, engine.gradOf(x));
    });
  }
  return y;
}
