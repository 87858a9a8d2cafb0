import { test } from "uvu";
import * as assert from "uvu/assert";
import { Engine } from "../../src/engine/engine.js";
import { maxPool2x2, maxPool3x3 } from "../../src/engine/ops/maxPool.js";
import * as reference from "../../src/reference/maxPool.js";
import type { Floats } from "../../src/reference/floats.js";
import { Random } from "../../src/util/random.js";
import type { KernelExports } from "../../src/wasm/exports.js";
import { assertClose, check, testEachPrecision, wasm, type Op, type Precision } from "./check.js";

type Forward = (x: Floats, planes: number, H: number, W: number, y: Floats) => void;
type Backward = (x: Floats, dy: Floats, planes: number, H: number, W: number, dx: Floats) => void;
type WasmForward = (k: KernelExports) => (x: number, planes: number, H: number, W: number, y: number) => void;
type WasmBackward = (k: KernelExports) => (x: number, dy: number, planes: number, H: number, W: number, dx: number) => void;
interface Pool {
  name: string;
  outSize(planes: number, H: number, W: number): number;
  ref: { forward: Forward; backward: Backward };
  wasm: { forward: WasmForward; backward: WasmBackward };
}

const pool3x3: Pool = {
  name: "maxPool3x3",
  outSize: (planes, H, W) => planes * H * W,
  ref: { forward: reference.maxPool3x3Forward, backward: reference.maxPool3x3Backward },
  wasm: { forward: (k) => k.maxPool3x3Forward, backward: (k) => k.maxPool3x3Backward },
};

const pool2x2: Pool = {
  name: "maxPool2x2",
  outSize: (planes, H, W) => (planes * H * W) / 4,
  ref: { forward: reference.maxPool2x2Forward, backward: reference.maxPool2x2Backward },
  wasm: { forward: (k) => k.maxPool2x2Forward, backward: (k) => k.maxPool2x2Backward },
};

const random = new Random(1411);

/** Distinct values 0.03 apart, shuffled: no two taps come within a finite-difference step (1e-2) of a tie. */
function separated(p: Precision, n: number): Floats {
  const order = random.shuffle(Array.from({ length: n }, (_, i) => i));
  const values = p.zeros(n);
  order.forEach((rank, i) => (values[i] = (rank - n / 2) * 0.03));
  return values;
}

/** A pool as a check.ts op on the given input. */
function op(p: Precision, pool: Pool, planes: number, H: number, W: number, x: Floats): Op {
  const n = planes * H * W, outSize = pool.outSize(planes, H, W);
  return {
    inputs: { x },
    reference: ({ x }) => {
      const y = p.zeros(outSize);
      pool.ref.forward(x, planes, H, W, y);
      return y;
    },
    forward: (s, at) => {
      const y = s.alloc(outSize);
      pool.wasm.forward(s.kernels)(at.x, planes, H, W, y);
      return s.read(y, outSize);
    },
    referenceBackward: ({ x }, dy) => {
      const dx = p.zeros(n);
      pool.ref.backward(x, dy, planes, H, W, dx);
      return { x: dx };
    },
    backward: (s, at, dy, grads) => pool.wasm.backward(s.kernels)(at.x, dy, planes, H, W, grads.x),
  };
}

/** The wasm pool on x: its output and the gradient dx (from zero) for output gradient dy. */
async function runWasm(p: Precision, pool: Pool, planes: number, H: number, W: number, x: Floats, dy: Floats): Promise<{ y: Floats; dx: Floats }> {
  const s = await wasm(p);
  const mark = s.arena.mark();
  try {
    const at = s.put(x), y = s.alloc(dy.length), g = s.put(dy), dx = s.alloc(x.length);
    pool.wasm.forward(s.kernels)(at, planes, H, W, y);
    pool.wasm.backward(s.kernels)(at, g, planes, H, W, dx);
    return { y: s.read(y, dy.length), dx: s.read(dx, x.length) };
  } finally {
    s.arena.reset(mark);
  }
}

/** Equal as numbers, or both NaN (a max pool propagates NaN; −0 and +0 count as equal). */
function assertSame(what: string, got: ArrayLike<number>, want: ArrayLike<number>): void {
  assert.is(got.length, want.length, `${what}: length`);
  for (let i = 0; i < want.length; i++) {
    if (!(got[i] === want[i] || (Number.isNaN(got[i]) && Number.isNaN(want[i])))) assert.unreachable(`${what}[${i}]: got ${got[i]}, want ${want[i]}`);
  }
}

// Widths cover W = 1 and 2 (edge columns only), the scalar tail and several v128 steps per row.
const SHAPES_3X3 = [[3, 1, 1], [2, 1, 5], [2, 5, 1], [2, 2, 2], [2, 3, 5], [2, 5, 3], [2, 8, 8], [1, 6, 13], [1, 4, 32]];
const SHAPES_2X2 = [[3, 2, 2], [2, 4, 6], [2, 6, 10], [1, 8, 16], [1, 2, 34]];

for (const [pool, shapes] of [[pool3x3, SHAPES_3X3], [pool2x2, SHAPES_2X2]] as const) {
  for (const [planes, H, W] of shapes) {
    testEachPrecision(`${pool.name} on ${planes}×${H}×${W} matches the reference and finite differences`, (p) =>
      check(p, op(p, pool, planes, H, W, separated(p, planes * H * W))));

    // Values from {−1, 0, 1, NaN}: every window has ties, many have NaNs, some several.
    testEachPrecision(`${pool.name} on ${planes}×${H}×${W} with ties and NaNs gives the reference's values and argmaxes`, async (p) => {
      const n = planes * H * W;
      const x = p.zeros(n).map(() => [-1, 0, 1, NaN][random.int(4)]);
      const dy = p.zeros(pool.outSize(planes, H, W)).map(() => 1 + random.int(1000));
      const got = await runWasm(p, pool, planes, H, W, x, dy);
      const y = p.zeros(dy.length), dx = p.zeros(n);
      pool.ref.forward(x, planes, H, W, y);
      pool.ref.backward(x, dy, planes, H, W, dx);
      assertSame("y", got.y, y);
      assertSame("dx", got.dx, dx);
    });
  }
}

// PyTorch 1.13's CPU max_pool2d (F.max_pool2d(x, 3, 1, 1) and (x, 2, 2), then y.sum().backward()),
// run with /usr/bin/python3: its first-maximum, NaN-wins and all −inf rules, as the reference encodes them.
test("the reference's argmaxes are PyTorch's on ties, NaNs and all −inf windows", () => {
  const gradient3x3 = (x: number[]): number[] => {
    const dx = new Float64Array(9);
    reference.maxPool3x3Backward(Float64Array.from(x), new Float64Array(9).fill(1), 1, 3, 3, dx);
    return [...dx];
  };
  assert.equal(gradient3x3(new Array(9).fill(1)), [4, 2, 0, 2, 1, 0, 0, 0, 0]);
  assert.equal(gradient3x3([1, NaN, 2, NaN, 3, 0, 1, 1, 1]), [0, 2, 0, 6, 1, 0, 0, 0, 0]);
  // PyTorch's indices for all −inf: [[0, 0, 1], [0, 0, 1], [3, 3, 4]].
  assert.equal(gradient3x3(new Array(9).fill(-Infinity)), [4, 2, 0, 2, 1, 0, 0, 0, 0]);
  const dx = new Float64Array(16);
  reference.maxPool2x2Backward(new Float64Array(16).fill(1), new Float64Array(4).fill(1), 1, 4, 4, dx);
  assert.equal([...dx], [1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0]);
  const nan = new Float64Array(4);
  reference.maxPool2x2Backward(Float64Array.from([NaN, NaN, 1, NaN]), Float64Array.of(1), 1, 2, 2, nan);
  assert.equal([...nan], [0, 0, 0, 1]);
});

// An all-equal input through the v128 paths: each window's first in-bounds tap takes its gradient.
testEachPrecision("maxPool3x3 and maxPool2x2 give every tie to the window's first tap", async (p) => {
  const [planes, H, W] = [2, 5, 19];
  const dy3 = p.zeros(planes * H * W).fill(1);
  const { dx: dx3 } = await runWasm(p, pool3x3, planes, H, W, p.zeros(planes * H * W).fill(0.5), dy3);
  const first3 = p.zeros(planes * H * W);
  for (let q = 0; q < planes; q++)
    for (let r = 0; r < H; r++)
      for (let c = 0; c < W; c++) first3[(q * H + Math.max(0, r - 1)) * W + Math.max(0, c - 1)] += 1;
  assertSame("3×3 dx", dx3, first3);
  const [H2, W2] = [4, 20];
  const { dx: dx2 } = await runWasm(p, pool2x2, planes, H2, W2, p.zeros(planes * H2 * W2).fill(-2), p.zeros((planes * H2 * W2) / 4).fill(1));
  assertSame("2×2 dx", dx2, p.zeros(planes * H2 * W2).map((_, i) => (Math.floor(i / W2) % 2 === 0 && i % 2 === 0 ? 1 : 0)));
});

test("the engine ops pool [C, N, H, W] and accumulate their backward into x's gradient", async () => {
  const engine = await Engine.create();
  engine.withPass(() => {
    const [C, N, H, W] = [3, 2, 4, 6], n = C * N * H * W;
    const values = Float32Array.from({ length: n }, () => random.symmetric(1));
    for (const [op, pool, shape] of [[maxPool3x3, pool3x3, [C, N, H, W]], [maxPool2x2, pool2x2, [C, N, H / 2, W / 2]]] as const) {
      const x = engine.fromArray(values, [C, N, H, W], true);
      const y = op(engine, x);
      assert.equal(y.shape, shape);
      const want = new Float32Array(y.size), dy = Float32Array.from({ length: y.size }, () => random.symmetric(1));
      pool.ref.forward(values, C * N, H, W, want);
      assert.equal([...engine.read(y)], [...want]);
      const dx = new Float32Array(n);
      pool.ref.backward(values, dy, C * N, H, W, dx);
      engine.backwardFrom(y, dy);
      assertClose("dx", engine.readGrad(x), dx); // the sums at shared taps differ in order and rounding
    }
    assert.throws(() => maxPool2x2(engine, engine.zeros([1, 1, 3, 4])), /spatial size 3×4 must be even/);
  });
});

test.run();
