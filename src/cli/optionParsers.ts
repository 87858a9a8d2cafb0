// commander argument parsers shared by the commands; each throws InvalidArgumentError, which
// the root turns into exit code 2 with commander's own "option '--x <n>' argument …" message.
// The upper bounds come from measurements on the 2-core test machine, recorded beside each.
import { totalmem } from "node:os";
import { InvalidArgumentError } from "commander";
import { type AnySpace, getSpace, spaceNames } from "../spaces/index.js";
import { InputError } from "../util/errors.js";

/**
 * An integer written in digits, minimum..maximum; `why` says where the upper bound comes from.
 * Digits only, so nothing Number() would round or reinterpret ("9007199254740993", "1e3", "0x10").
 */
export function integerInRange(minimum: number, maximum: number, why?: string): (text: string) => number {
  return (text) => {
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(value >= minimum && value <= maximum)) {
      throw new InvalidArgumentError(`expected an integer >= ${minimum} and <= ${maximum}, in digits${why ? `: ${why}` : ""}.`);
    }
    return value;
  };
}

/** Random keeps `seed >>> 0` (and train uses `seed ^ k`), so 2^32 would silently be seed 0 again. */
export const MAX_SEED = 2 ** 32 - 1;
export const seedOption = integerInRange(0, MAX_SEED, "seeds are 32-bit (4294967296 would repeat seed 0)");

/**
 * A pool, a sample or a top-N never holds more than the whole space. The parser does not know the
 * space (--space, or the store's or model's), so it bounds by the largest one; requireInSpace
 * checks the count against the space once the command knows it.
 */
const LARGEST_SPACE = spaceNames().map(getSpace).reduce((a, b) => (b.size > a.size ? b : a));
export const spaceCount = (minimum: number) =>
  integerInRange(minimum, LARGEST_SPACE.size, `${LARGEST_SPACE.title}, the largest space, has ${LARGEST_SPACE.size} architectures in all`);

/** `option` (e.g. "--top" or "--archs sample:N") asks for `count` architectures of `space`. */
export function requireInSpace(space: AnySpace, option: string, count: number): void {
  if (count > space.size) {
    throw new InputError(`${option} asks for ${count} architectures, but ${space.title} (space ${space.name}) has ${space.size} in all: pass at most ${space.size}.`);
  }
}

/**
 * A stats worker's wasm memory reaches about 1 GiB at --batch 16 on the largest NB201 network
 * with the demo's proxies (333 MB float32 + 666 MB float64 for grasp; 420 MB with ParZC's three);
 * more threads than that fits in this machine's memory would only be killed.
 */
const WORKER_BYTES = 2 ** 30;
const MAX_WORKERS = Math.max(1, Math.floor(totalmem() / WORKER_BYTES));
export const workersOption = integerInRange(1, MAX_WORKERS, `each worker thread holds its own wasm memory, up to about 1 GiB, and this machine has ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);

/**
 * grasp's float64 network needs about 40 MB of wasm memory per image (666 MB at batch 16, 2.6 GB at
 * 64, 3.9 GB at 96); at 112 memory.grow fails, since a wasm32 instance holds 4 GiB at most.
 */
export const proxyBatchOption = integerInRange(2, 96, "grasp needs about 40 MB of wasm memory per image and a wasm32 instance holds 4 GiB");

/**
 * Each weight sample is a full forward pass over the store (about 0.6 ms per architecture at the
 * default model size) and is kept until the std is taken: 1,000 samples of all 15,625 take about
 * 3 hours on one core and 125 MB.
 */
export const samplesOption = integerInRange(1, 1000, "each sample is a full pass, about 0.6 ms per architecture (1,000 over all of NB201: about 3 hours on one core)");

/**
 * `parzc train`'s sizes, each bounded where it alone (the rest at their defaults) takes about half
 * of a wasm32 instance's 4 GiB or hours of training. Measured on 156 architectures, one epoch:
 * the defaults take 124 MB and 1.1 s; width 1024: 2.0 GB, 68 s; depth 128: 1.4 GB, 18 s; sequence
 * 8192: 0.8 GB, 20 s; members 64: 1.7 GB, 20 s; batch-size 4096: 1.7 GB (DiffKendall's pairs grow
 * as its square).
 */
export const modelSizeOptions = {
  width: integerInRange(1, 1024, "at 1024 the model already needs 2 GB of wasm memory (4 GiB at most) and about 70 s an epoch on 156 architectures"),
  depth: integerInRange(1, 128, "at 128 blocks the model needs 1.4 GB of wasm memory and about 18 s an epoch on 156 architectures"),
  sequence: integerInRange(1, 8192, "the input has a few hundred values; 8192 takes about 20 s an epoch on 156 architectures"),
  segment: integerInRange(1, 8192, "a segment is part of the sequence, which is at most 8192"),
  members: integerInRange(1, 64, "64 members need 1.7 GB of wasm memory and about 20 s an epoch on 156 architectures"),
  batchSize: integerInRange(1, 4096, "a step holds every architecture of its batch and DiffKendall's pairs (4096: 1.7 GB of wasm memory)"),
  epochs: integerInRange(1, 10000, "an epoch takes about 1 s at the default size on 156 architectures, so 10000 take about 3 hours"),
};

export function positiveNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0) throw new InvalidArgumentError("expected a positive number.");
  return value;
}

export function nonNegativeNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0) throw new InvalidArgumentError("expected a number >= 0.");
  return value;
}
