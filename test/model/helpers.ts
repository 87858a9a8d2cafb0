// Shared helpers for the model tests: runtimes on the f32 and f64 engines, and a finite-difference
// check of any composition of ops: L = Σ r·f(inputs) for a fixed random r, analytic gradients
// from the tape against central differences of L, in float64.
import * as assert from "uvu/assert";
import type { Tensor } from "../../src/engine/tensor.js";
import { modelEngine } from "../../src/model/predictor.js";
import { createRuntime, type Runtime } from "../../src/model/runtime.js";
import { Random } from "../../src/util/random.js";

const rng = new Random(20261127);

export function randomValues(n: number, scale = 1): Float64Array {
  return Float64Array.from({ length: n }, () => rng.symmetric(scale));
}

let f64: Promise<Runtime> | undefined;
let f32: Promise<Runtime> | undefined;

/** One float64 runtime for the suite (its own wasm instance). */
export function runtime64(): Promise<Runtime> {
  f64 ??= modelEngine("f64").then((engine) => createRuntime(engine));
  return f64;
}

export function runtime32(): Promise<Runtime> {
  f32 ??= modelEngine("f32").then((engine) => createRuntime(engine));
  return f32;
}

export interface InputSpec {
  shape: number[];
  values?: ArrayLike<number>;
  /** Scale of random values when none are given. */
  scale?: number;
  /** Leave it out of the check (a constant input such as an adjacency). */
  constant?: boolean;
}

/**
 * Checks every differentiable input's gradient of L = Σ r·f(inputs) against central differences
 * (step eps) on up to `samples` coordinates, with relative tolerance `tolerance`.
 */
export function gradCheck(
  rt: Runtime, specs: Record<string, InputSpec>, f: (rt: Runtime, inputs: Record<string, Tensor>) => Tensor,
  { eps = 1e-6, tolerance = 1e-6, samples = 16 }: { eps?: number; tolerance?: number; samples?: number } = {},
): void {
  const { engine } = rt;
  const start = engine.arena.mark();
  try {
    const inputs: Record<string, Tensor> = {};
    for (const [name, spec] of Object.entries(specs)) {
      const size = spec.shape.reduce((a, v) => a * v, 1);
      inputs[name] = engine.fromArray(spec.values ?? randomValues(size, spec.scale ?? 1), spec.shape, !spec.constant);
    }
    let weights: Float64Array | undefined;
    const analytic: Record<string, Float64Array> = {};
    engine.withPass(() => {
      const y = f(rt, inputs);
      weights = randomValues(y.size);
      engine.backwardFrom(y, weights);
      for (const [name, t] of Object.entries(inputs)) analytic[name] = Float64Array.from(engine.readGrad(t));
    });
    const loss = (): number => engine.withPass(() => {
      const y = engine.read(f(rt, inputs));
      let sum = 0;
      for (let i = 0; i < y.length; i++) sum += y[i] * weights![i];
      return sum;
    });
    for (const [name, t] of Object.entries(inputs)) {
      if (specs[name].constant) continue;
      const coordinates = new Set([0, t.size - 1]);
      while (coordinates.size < Math.min(t.size, samples)) coordinates.add(rng.int(t.size));
      const numeric: number[] = [];
      for (const i of coordinates) {
        const original = engine.view(t)[i];
        engine.view(t)[i] = original + eps;
        const plus = loss();
        engine.view(t)[i] = original - eps;
        const minus = loss();
        engine.view(t)[i] = original;
        numeric.push((plus - minus) / (2 * eps));
      }
      const floor = 0.01 * Math.sqrt(numeric.reduce((a, v) => a + v * v, 0) / numeric.length) + 1e-12;
      [...coordinates].forEach((i, j) => {
        const error = Math.abs(analytic[name][i] - numeric[j]);
        assert.ok(error <= tolerance * Math.max(Math.abs(numeric[j]), floor),
          `d${name}[${i}]: backward ${analytic[name][i]}, finite differences ${numeric[j]}`);
      });
    }
  } finally {
    engine.arena.reset(start);
  }
}

/** |got − want| ≤ tol·max(|want|, rms(want)) elementwise. */
export function assertClose(what: string, got: ArrayLike<number>, want: ArrayLike<number>, tol: number): void {
  assert.is(got.length, want.length, `${what}: length`);
  let squares = 0;
  for (let i = 0; i < want.length; i++) squares += want[i] * want[i];
  const rms = Math.sqrt(squares / Math.max(1, want.length));
  for (let i = 0; i < want.length; i++) {
    if (!(Math.abs(got[i] - want[i]) <= tol * Math.max(Math.abs(want[i]), rms))) {
      assert.unreachable(`${what}[${i}]: got ${got[i]}, want ${want[i]} (tolerance ${tol})`);
    }
  }
}
