// One check for every kernel: the wasm forward against the plain-TS reference, and, for kernels
// with a backward, the wasm backward against the reference backward and against central finite
// differences of L = Σ y·r (fixed random r) taken through the wasm forward in f32.
import * as assert from "uvu/assert";
import { Arena } from "../../src/wasm/arena.js";
import type { KernelExports } from "../../src/wasm/exports.js";
import { loadWasm } from "../../src/wasm/load.js";
import { Random } from "../../src/util/random.js";

export type Pointers = Record<string, number>;
export type Values = Record<string, Float32Array>;

const rng = new Random(20261127);

/** n values uniform in [−scale, scale), from the suite's one seeded generator. */
export function random(n: number, scale = 1): Float32Array {
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) values[i] = rng.symmetric(scale);
  return values;
}

/** Integer labels in [0, classes). */
export function randomLabels(n: number, classes: number): Int32Array {
  return Int32Array.from({ length: n }, () => rng.int(classes));
}

/** Wasm memory for one check: copy in, allocate, read back (always through fresh views). */
export class Session {
  constructor(readonly kernels: KernelExports, readonly arena: Arena) {}

  /** A zeroed buffer of n floats. */
  alloc(n: number): number {
    return this.arena.allocZeroed(Math.max(n, 1) * 4);
  }

  /** Copies values into wasm memory. */
  put(values: Float32Array | Int32Array): number {
    const at = this.arena.alloc(Math.max(values.byteLength, 4));
    new Uint8Array(this.arena.memory.buffer, at, values.byteLength).set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    return at;
  }

  /** A copy of n floats at ptr. */
  read(ptr: number, n: number): Float32Array {
    return this.arena.f32(ptr, n).slice();
  }
}

let session: Session | undefined;

export async function wasm(): Promise<Session> {
  if (!session) {
    const core = await loadWasm();
    session = new Session(core.exports, new Arena(core.memory, core.exports.heapBase()));
  }
  return session;
}

export interface Op {
  /** The f32 inputs; all of them are differentiated when the op has a backward. */
  inputs: Values;
  /** The plain-TS forward output. */
  reference(v: Values): ArrayLike<number>;
  /** Runs the wasm forward on the uploaded inputs and returns a copy of its output. */
  forward(s: Session, at: Pointers): ArrayLike<number>;
  /** The plain-TS gradients of L = Σ y·dy, by input name. */
  referenceBackward?(v: Values, dy: Float32Array): Values;
  /** How many leading outputs the backward takes a gradient for (default: all); the rest are saved values. */
  differentiated?: number;
  /** Runs the wasm backward for output gradient dy (a pointer), accumulating into grads[name]. */
  backward?(s: Session, at: Pointers, dy: number, grads: Pointers): void;
}

export interface CheckOptions {
  /** Forward and reference-backward tolerance, relative to the output's scale. */
  rtol?: number;
  /** Finite-difference step (in f32) and relative tolerance. */
  eps?: number;
  fdTolerance?: number;
  /** Coordinates checked by finite differences per input. */
  samples?: number;
}

/** Checks op's forward against its reference and, if it has one, its backward against the reference and finite differences. */
export async function check(op: Op, options: CheckOptions = {}): Promise<void> {
  const { rtol = 1e-5, eps = 1e-2, fdTolerance = 1e-2, samples = 12 } = options;
  const s = await wasm();
  const start = s.arena.mark();
  try {
    const at: Pointers = {};
    for (const [name, values] of Object.entries(op.inputs)) at[name] = s.put(values);
    const y = Float32Array.from(run(s, () => op.forward(s, at)));
    assertClose("forward", y, op.reference(op.inputs), rtol);
    if (!op.backward) return;

    const dy = random(y.length);
    dy.fill(0, op.differentiated ?? y.length);
    const grads = backwardGradients(s, op, at, dy);
    if (op.referenceBackward) {
      const expected = op.referenceBackward(op.inputs, dy);
      for (const name of Object.keys(op.inputs)) assertClose(`d${name}`, grads[name], expected[name], rtol);
    }
    for (const name of Object.keys(op.inputs)) {
      const loss = () => weightedSum(run(s, () => op.forward(s, at)), dy);
      checkFiniteDifferences(s, name, at[name], op.inputs[name].length, grads[name], loss, eps, fdTolerance, samples);
    }
  } finally {
    s.arena.reset(start);
  }
}

/** Runs f and frees whatever it allocated; f returns copies, so nothing points into the freed memory. */
function run<T>(s: Session, f: () => T): T {
  const mark = s.arena.mark();
  try {
    return f();
  } finally {
    s.arena.reset(mark);
  }
}

/** The wasm backward's contribution: it must accumulate, so the gradients start from random values. */
function backwardGradients(s: Session, op: Op, at: Pointers, dy: Float32Array): Values {
  const before: Values = {};
  const grads: Pointers = {};
  for (const [name, values] of Object.entries(op.inputs)) {
    before[name] = random(values.length);
    grads[name] = s.put(before[name]);
  }
  run(s, () => op.backward!(s, at, s.put(dy), grads));
  const result: Values = {};
  for (const name of Object.keys(op.inputs)) {
    const after = s.read(grads[name], before[name].length);
    result[name] = after.map((v, i) => v - before[name][i]);
  }
  return result;
}

function weightedSum(y: ArrayLike<number>, r: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += y[i] * r[i];
  return sum;
}

function checkFiniteDifferences(
  s: Session, name: string, ptr: number, n: number, analytic: Float32Array, loss: () => number,
  eps: number, tolerance: number, samples: number,
): void {
  const coordinates = new Set([0, n - 1]);
  while (coordinates.size < Math.min(n, samples)) coordinates.add(rng.int(n));
  const numeric: number[] = [];
  for (const i of coordinates) {
    const original = s.arena.f32(ptr, n)[i];
    s.arena.f32(ptr, n)[i] = original + eps;
    const plus = loss();
    s.arena.f32(ptr, n)[i] = original - eps;
    const minus = loss();
    s.arena.f32(ptr, n)[i] = original;
    numeric.push((plus - minus) / (2 * eps));
  }
  // Tiny gradients are judged against a tenth of the typical one, not against themselves.
  const floor = 0.1 * Math.sqrt(numeric.reduce((a, v) => a + v * v, 0) / numeric.length);
  [...coordinates].forEach((i, j) => {
    const error = Math.abs(analytic[i] - numeric[j]);
    assert.ok(error <= tolerance * Math.max(Math.abs(numeric[j]), floor),
      `d${name}[${i}]: backward ${analytic[i]} but finite differences ${numeric[j]}`);
  });
}

/** Each |got − want| must be within rtol of max(|want|, the rms of want). */
export function assertClose(what: string, got: ArrayLike<number>, want: ArrayLike<number>, rtol = 1e-5): void {
  assert.is(got.length, want.length, `${what}: length`);
  let squares = 0;
  for (let i = 0; i < want.length; i++) squares += want[i] * want[i];
  const rms = Math.sqrt(squares / Math.max(want.length, 1));
  for (let i = 0; i < want.length; i++) {
    const error = Math.abs(got[i] - want[i]);
    if (!(error <= rtol * Math.max(Math.abs(want[i]), rms))) {
      assert.unreachable(`${what}[${i}]: got ${got[i]}, want ${want[i]} (rtol ${rtol})`);
    }
  }
}
