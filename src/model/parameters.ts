// The model's parameters in one contiguous block of the engine's arena, with their gradients in a
// second block at the same offsets: one fill clears every gradient and one Adam call updates every
// weight. Each layer declares its tensors here, in construction order; initialisation draws them
// in that order from one seeded stream, so a seed fixes the whole model.
import type { Engine, FloatArray } from "../engine/engine.js";
import { Parameter, shapeSize, type Shape } from "../engine/tensor.js";
import type { Random } from "../util/random.js";

/** How a tensor starts: uniform in ±bound (PyTorch's Linear/kaiming_uniform(a=√5): 1/√fan_in), or a constant. */
export type Init = { kind: "uniform"; bound: number } | { kind: "constant"; value: number };

/** What a layer needs to declare its tensors: a ParameterSet, or a view of one that prefixes names. */
export interface ParameterDeclarer {
  add(name: string, shape: Shape, init: Init): Parameter;
}

/** Declares into `params` under `prefix` (an ensemble member's own copy of every layer). */
export function prefixed(params: ParameterDeclarer, prefix: string): ParameterDeclarer {
  return { add: (name, shape, init) => params.add(prefix + name, shape, init) };
}

const ALIGN_VALUES = 16; // 64 bytes in f32: every tensor starts on a cache line

export class ParameterSet implements ParameterDeclarer {
  readonly list: Parameter[] = [];
  private readonly inits: Init[] = [];
  private readonly offsets: number[] = [];
  /** Values in the block, padding included. */
  size = 0;
  valuesPtr = 0;
  gradsPtr = 0;
  private engine: Engine | undefined;

  add(name: string, shape: Shape, init: Init): Parameter {
    if (this.engine) throw new Error(`ParameterSet.add(${name}): the set is already allocated`);
    if (this.list.some((p) => p.name === name)) throw new Error(`ParameterSet.add: "${name}" is declared twice`);
    const parameter = new Parameter(name, shape, { kind: "zeros" });
    this.list.push(parameter);
    this.inits.push(init);
    this.offsets.push(this.size);
    this.size += Math.ceil(shapeSize(shape) / ALIGN_VALUES) * ALIGN_VALUES;
    return parameter;
  }

  /** Learnable values (padding excluded). */
  get count(): number {
    return this.list.reduce((total, p) => total + p.size, 0);
  }

  /** Places the block in the engine (outside any pass) and initialises every tensor from `random`. */
  allocate(engine: Engine, random: Random): void {
    if (engine.recording) throw new Error("ParameterSet.allocate: call it outside a pass");
    this.engine = engine;
    const bytes = this.size * engine.elementBytes;
    this.valuesPtr = engine.arena.allocZeroed(bytes);
    this.gradsPtr = engine.arena.allocZeroed(bytes);
    this.list.forEach((p, i) => (p.ptr = this.valuesPtr + this.offsets[i] * engine.elementBytes));
    const values = this.values();
    this.list.forEach((p, i) => {
      const init = this.inits[i];
      const start = this.offsets[i];
      for (let k = 0; k < p.size; k++) {
        // Rounded to float32 on every engine, so f32 and f64 models start from the same weights.
        values[start + k] = init.kind === "constant" ? init.value : Math.fround(random.symmetric(init.bound));
      }
    });
  }

  private requireEngine(): Engine {
    if (!this.engine) throw new Error("ParameterSet: allocate() it first");
    return this.engine;
  }

  /** A live view of every value (padding included); invalid after the arena grows. */
  values(): FloatArray {
    return this.requireEngine().values(this.valuesPtr, this.size);
  }

  /** Points every parameter's gradient at its zeroed slot in the gradient block (before a backward). */
  attachGradients(): void {
    const engine = this.requireEngine();
    engine.kernels.fill(this.gradsPtr, this.size, 0);
    this.list.forEach((p, i) => (p.grad = this.gradsPtr + this.offsets[i] * engine.elementBytes));
  }

  /** Unhooks the gradients, so passes that do not train leave the block alone. */
  detachGradients(): void {
    for (const p of this.list) p.grad = 0;
  }

  /** A copy of every value, for checkpoints. */
  snapshot(): Float64Array {
    return Float64Array.from(this.values());
  }

  restore(snapshot: ArrayLike<number>): void {
    if (snapshot.length !== this.size) throw new Error(`ParameterSet.restore: ${snapshot.length} values for a block of ${this.size}`);
    this.values().set(snapshot);
  }

  /** name → [shape, values], in declaration order. */
  entries(): { name: string; shape: readonly number[]; values: FloatArray }[] {
    const engine = this.requireEngine();
    return this.list.map((p) => ({ name: p.name, shape: p.shape, values: engine.read(p) }));
  }

  byName(name: string): Parameter | undefined {
    return this.list.find((p) => p.name === name);
  }
}
