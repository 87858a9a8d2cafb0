// One check for every kernel, run once per precision (the f32 exports and their F64 twins): the
// wasm forward against the plain-TS reference, and, for kernels with a backward, the wasm backward
// against the reference backward and against central finite differences of L = Σ y·r (fixed
// random r) taken through the wasm forward in the same precision.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { wasmBackend, wasmBackendF64, type Backend } from "../../src/engine/backend.js";
import type { Floats } from "../../src/reference/floats.js";
import { Random } from "../../src/util/random.js";
import { Arena } from "../../src/wasm/arena.js";
import type { KernelExports } from "../../src/wasm/exports.js";

export type Pointers = Record<string, number>;
export type Values = Record<string, Floats>;

const rng = new Random(20261127);

export interface Tolerances {
  /** Forward and reference-backward tolerance, relative to the output's scale. */
  rtol?: number;
  /** Finite-difference step and relative tolerance. */
  eps?: number;
  fdTolerance?: number;
  /** Coordinates checked by finite differences per input. */
  samples?: number;
}

/** The element type a check runs in: its arrays, its backend and its default tolerances. */
export class Precision {
  constructor(
    readonly name: "f32" | "f64",
    readonly bytes: 4 | 8,
    readonly backend: () => Promise<Backend>,
    readonly defaults: Required<Tolerances>,
  ) {}

  zeros(n: number): Floats {
    return this.bytes === 4 ? new Float32Array(n) : new Float64Array(n);
  }

  /** n values uniform in [−scale, scale), from the suite's one seeded generator. */
  random(n: number, scale = 1): Floats {
    const values = this.zeros(n);
    for (let i = 0; i < n; i++) values[i] = rng.symmetric(scale);
    return values;
  }
}

// f64 compares with the reference to rounding, and its finite differences resolve a step of 1e-6.
export const precisions = [
  new Precision("f32", 4, wasmBackend, { rtol: 1e-5, eps: 1e-2, fdTolerance: 1e-2, samples: 12 }),
  new Precision("f64", 8, wasmBackendF64, { rtol: 1e-12, eps: 1e-6, fdTolerance: 1e-6, samples: 12 }),
];

/** Registers the test once per precision, as "<name> (f32)" and "<name> (f64)". */
export function testEachPrecision(name: string, body: (p: Precision) => Promise<void>): void {
  for (const p of precisions) test(`${name} (${p.name})`, () => body(p));
}

/** Integer labels in [0, classes). */
export function randomLabels(n: number, classes: number): Int32Array {
  return Int32Array.from({ length: n }, () => rng.int(classes));
}

/** Wasm memory for one check: copy in, allocate, read back (always through fresh views). */
export class Session {
  constructor(readonly kernels: KernelExports, readonly arena: Arena, readonly p: Precision) {}

  /** A zeroed buffer of n values. */
  alloc(n: number): number {
    return this.arena.allocZeroed(Math.max(n, 1) * this.p.bytes);
  }

  /** Copies values into wasm memory: labels as they are, floats converted to this precision. */
  put(values: ArrayLike<number> | Int32Array): number {
    if (values instanceof Int32Array) {
      const at = this.arena.alloc(Math.max(values.byteLength, 4));
      this.arena.i32(at, values.length).set(values);
      return at;
    }
    const at = this.alloc(values.length);
    this.view(at, values.length).set(values);
    return at;
  }

  /** A live view of n values at ptr (invalid once memory grows). */
  view(ptr: number, n: number): Floats {
    return this.p.bytes === 4 ? this.arena.f32(ptr, n) : this.arena.f64(ptr, n);
  }

  /** A copy of n values at ptr. */
  read(ptr: number, n: number): Floats {
    return this.view(ptr, n).slice();
  }
}

const sessions = new Map<Precision, Session>();

export async function wasm(p: Precision): Promise<Session> {
  let session = sessions.get(p);
  if (!session) {
    const backend = await p.backend();
    session = new Session(backend.kernels, new Arena(backend.memory, backend.heapBase), p);
    sessions.set(p, session);
  }
  return session;
}

export interface Op {
  /** The inputs; all of them are differentiated when the op has a backward. */
  inputs: Values;
  /** The plain-TS forward output. */
  reference(v: Values): ArrayLike<number>;
  /** Runs the wasm forward on the uploaded inputs and returns a copy of its output. */
  forward(s: Session, at: Pointers): ArrayLike<number>;
  /** The plain-TS gradients of L = Σ y·dy, by input name. */
  referenceBackward?(v: Values, dy: Floats): Values;
  /** How many leading outputs the backward takes a gradient for (default: all); the rest are saved values. */
  differentiated?: number;
  /** Runs the wasm backward for output gradient dy (a pointer), accumulating into grads[name]. */
  backward?(s: Session, at: Pointers, dy: number, grads: Pointers): void;
}

/** Tolerances that differ from the precision's defaults, by precision. */
export type CheckOptions = Partial<Record<Precision["name"], Tolerances>>;

/** Checks op's forward against its reference and, if it has one, its backward against the reference and finite differences. */
export async function check(p: Precision, op: Op, options: CheckOptions = {}): Promise<void> {
  const { rtol, eps, fdTolerance, samples } = { ...p.defaults, ...options[p.name] };
  const s = await wasm(p);
  const start = s.arena.mark();
  try {
    const at: Pointers = {};
    for (const [name, values] of Object.entries(op.inputs)) at[name] = s.put(values);
    const y = Float64Array.from(run(s, () => op.forward(s, at)));
    assertClose("forward", y, op.reference(op.inputs), rtol);
    if (!op.backward) return;

    const dy = p.random(y.length);
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
function backwardGradients(s: Session, op: Op, at: Pointers, dy: Floats): Values {
  const before: Values = {};
  const grads: Pointers = {};
  for (const [name, values] of Object.entries(op.inputs)) {
    before[name] = s.p.random(values.length);
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

function weightedSum(y: ArrayLike<number>, r: Floats): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += y[i] * r[i];
  return sum;
}

function checkFiniteDifferences(
  s: Session, name: string, ptr: number, n: number, analytic: Floats, loss: () => number,
  eps: number, tolerance: number, samples: number,
): void {
  const coordinates = new Set([0, n - 1]);
  while (coordinates.size < Math.min(n, samples)) coordinates.add(rng.int(n));
  const numeric: number[] = [];
  for (const i of coordinates) {
    const original = s.view(ptr, n)[i];
    s.view(ptr, n)[i] = original + eps;
    const plus = loss();
    s.view(ptr, n)[i] = original - eps;
    const minus = loss();
    s.view(ptr, n)[i] = original;
    numeric.push((plus - minus) / (2 * eps));
  }
  // Tiny gradients are judged against a tenth of the typical one, not against themselves.
  const floor = 0.1 * Math.sqrt(numeric.reduce((a, v) => a + v * v, 0) / numeric.length);
  [...coordinates].forEach((i, j) => {
    const error = Math.abs(analytic[i] - numeric[j]);
    assert.ok(error <= tolerance * Math.max(Math.abs(numeric[j]), floor),
      `d${name}[${i}] (${s.p.name}): backward ${analytic[i]} but finite differences ${numeric[j]}`);
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
