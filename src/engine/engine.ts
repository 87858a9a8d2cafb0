// The engine owns one wasm instance, its arena and the tape. A pass is:
// beginPass() → forward ops (recorded) → backward(loss) → read gradients → endPass(),
// which frees every activation and gradient of the pass in O(1).
import { Arena } from "../wasm/arena.js";
import type { KernelExports } from "../wasm/exports.js";
import { Random } from "../util/random.js";
import { wasmBackend, type Backend } from "./backend.js";
import { Tape } from "./tape.js";
import { Parameter, Tensor, shapeSize, type InitScheme, type InitialWeights, type Shape, type WeightSource } from "./tensor.js";

/** Proxies observe a pass through these; layers and ops report to them, nothing is patched. */
export interface PassObserver {
  /** A Conv2d/Linear node produced `output` (before any BN). */
  nodeOutput?(node: object, output: Tensor): void;
  /**
   * A ReLU is about to read `input`. `readers` is how many ReLU modules of the reference
   * network it stands for (a cell node feeding m convs has one shared ReLU here, m there).
   */
  reluInput?(input: Tensor, readers: number): void;
}

export interface BackwardOptions {
  /** Keep the tape for another backward on the same forward (after clearGradients). */
  keepTape?: boolean;
}

/** Values of a tensor: float32 on the wasm backend, float64 on the reference one. */
export type FloatArray = Float32Array | Float64Array;

export class Engine {
  readonly kernels: KernelExports;
  readonly arena: Arena;
  readonly elementBytes: 4 | 8;
  private readonly tape = new Tape();
  private passMark = -1;
  private gradHolders: Tensor[] = [];
  private scratchPtr = 0;
  private scratchFloats = 0;
  /** Set for one pass by whoever needs to watch it (fisher, nwot). */
  observer: PassObserver | undefined;

  constructor(readonly backend: Backend) {
    this.kernels = backend.kernels;
    this.arena = new Arena(backend.memory, backend.heapBase);
    this.elementBytes = backend.elementBytes;
  }

  /** An engine on the given backend (default: the wasm SIMD kernels). */
  static async create(backend?: Backend): Promise<Engine> {
    return new Engine(backend ?? (await wasmBackend()));
  }

  // ---- tensors -------------------------------------------------------------------
  /** Uninitialised tensor in the arena. */
  empty(shape: Shape, requiresGrad = false): Tensor {
    return new Tensor(this.arena.alloc(shapeSize(shape) * this.elementBytes), shape, requiresGrad);
  }

  zeros(shape: Shape, requiresGrad = false): Tensor {
    return new Tensor(this.arena.allocZeroed(shapeSize(shape) * this.elementBytes), shape, requiresGrad);
  }

  fromArray(values: ArrayLike<number>, shape: Shape, requiresGrad = false): Tensor {
    if (values.length !== shapeSize(shape)) {
      throw new Error(`Engine.fromArray: ${values.length} values do not fill shape [${shape.join(", ")}]`);
    }
    const t = this.empty(shape, requiresGrad);
    this.view(t).set(values);
    return t;
  }

  /** A live view of `count` values at `ptr` (invalid after the arena grows). */
  values(ptr: number, count: number): FloatArray {
    return this.elementBytes === 4 ? this.arena.f32(ptr, count) : this.arena.f64(ptr, count);
  }

  /** A live view of the tensor's values. */
  view(t: Tensor): FloatArray {
    return this.values(t.ptr, t.size);
  }

  /** A copy of the tensor's values, safe to keep. */
  read(t: Tensor): FloatArray {
    return this.view(t).slice();
  }

  /** A copy of the tensor's gradient (zeros if backward never reached it). */
  readGrad(t: Tensor): FloatArray {
    if (t.grad !== 0) return this.values(t.grad, t.size).slice();
    return this.elementBytes === 4 ? new Float32Array(t.size) : new Float64Array(t.size);
  }

  /** Pointer to t's gradient, allocated (zeroed) on first use. */
  gradOf(t: Tensor): number {
    if (t.grad === 0) {
      t.grad = this.arena.allocZeroed(t.size * this.elementBytes);
      this.gradHolders.push(t);
    }
    return t.grad;
  }

  /** Scratch space for kernels (im2col columns); valid until the next scratch call. */
  scratch(floats: number): number {
    if (floats > this.scratchFloats) {
      this.scratchPtr = this.arena.alloc(floats * this.elementBytes);
      this.scratchFloats = floats;
    }
    return this.scratchPtr;
  }

  // ---- parameters ----------------------------------------------------------------
  /**
   * Place parameters in the arena and initialise them in order from one seeded stream
   * (tools/nb201_torch.py replays the same stream to rebuild identical PyTorch weights).
   * Pass a Random to keep drawing from the same stream afterwards (Zen-NAS's noise), or weights
   * drawn before to copy them (a second network of the same seed, on this or the other backend).
   */
  allocateParameters(params: readonly Parameter[], seed: WeightSource, scheme: InitScheme = "pytorch"): void {
    if (this.passMark >= 0) throw new Error("Engine.allocateParameters: call it outside a pass");
    const random = typeof seed === "number" ? new Random(seed) : seed instanceof Random ? seed : undefined;
    for (const p of params) {
      p.ptr = this.arena.alloc(p.size * this.elementBytes);
      p.grad = 0;
    }
    if (!random) return this.copyWeights(params, seed as InitialWeights);
    // The kernels draw Random's own values, rounded to float32 on every backend, so both start from identical weights.
    const k = this.kernels;
    const draw = (p: Parameter, fill: typeof k.fillNormal, scale: number) => random.seek(fill(p.ptr, p.size, random.position, scale));
    for (const p of params) {
      const init = p.init;
      if (init.kind === "ones" || init.kind === "zeros") this.view(p).fill(init.kind === "ones" ? 1 : 0);
      else if (scheme === "gaussian") {
        if (init.kind === "uniform" && init.bias) this.view(p).fill(0);
        else draw(p, k.fillNormal, 1);
      } else if (init.kind === "normal") draw(p, k.fillNormal, init.std);
      else draw(p, k.fillSymmetric, 1 / Math.sqrt(init.fanIn));
    }
    this.invalidateScratch();
  }

  private copyWeights(params: readonly Parameter[], { values }: InitialWeights): void {
    if (values.length !== params.length || params.some((p, i) => values[i].length !== p.size)) {
      throw new Error("Engine.allocateParameters: the initial weights are another network's");
    }
    params.forEach((p, i) => this.view(p).set(values[i]));
    this.invalidateScratch();
  }

  // ---- passes --------------------------------------------------------------------
  get recording(): boolean {
    return this.passMark >= 0;
  }

  beginPass(): void {
    if (this.passMark >= 0) throw new Error("Engine.beginPass: a pass is already open; call endPass() first");
    this.passMark = this.arena.mark();
  }

  /** Record how to push gradients back through an op (only while a pass is open). */
  record(op: string, backward: () => void): void {
    if (this.passMark >= 0) this.tape.record(op, backward);
  }

  /** Backprop from a scalar loss. */
  backward(loss: Tensor, options: BackwardOptions = {}): void {
    if (loss.size !== 1) throw new Error(`Engine.backward: the loss must be a scalar, got shape [${loss.shape.join(", ")}]`);
    this.backwardFrom(loss, 1, options);
  }

  /** Backprop from any tensor, seeding its gradient with `seed` (a value for every element, or one for all). */
  backwardFrom(root: Tensor, seed: number | ArrayLike<number>, { keepTape = false }: BackwardOptions = {}): void {
    const grad = this.values(this.gradOf(root), root.size);
    if (typeof seed === "number") grad.fill(seed);
    else grad.set(seed);
    this.tape.replayBackward(keepTape);
  }

  /**
   * Forget every gradient of the open pass; activations and (with keepTape) the tape stay, so a
   * second backward from another root reuses the forward. Every backward closure skips a zero gradient.
   */
  clearGradients(): void {
    for (const t of this.gradHolders) t.grad = 0;
    this.gradHolders = [];
  }

  /** Run `body` inside a pass; everything it allocates is freed when it returns. */
  withPass<T>(body: () => T): T {
    this.beginPass();
    try {
      return body();
    } finally {
      this.endPass();
    }
  }

  /** Free every activation and gradient made since beginPass(). */
  endPass(): void {
    if (this.passMark < 0) return;
    this.tape.clear();
    this.observer = undefined;
    for (const t of this.gradHolders) t.grad = 0;
    this.gradHolders = [];
    this.arena.reset(this.passMark);
    this.passMark = -1;
    this.invalidateScratch();
  }

  /** Free everything, parameters included (between networks). */
  resetAll(): void {
    this.endPass();
    this.arena.reset();
    this.invalidateScratch();
  }

  private invalidateScratch(): void {
    this.scratchPtr = 0;
    this.scratchFloats = 0;
  }
}
