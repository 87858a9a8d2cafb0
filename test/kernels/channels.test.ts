import { test } from "uvu";
import * as assert from "uvu/assert";
import { wasmBackend, wasmBackendF64, type Backend } from "../../src/engine/backend.js";
import { Engine } from "../../src/engine/engine.js";
import { concatChannels, truncateChannels } from "../../src/engine/ops/channels.js";
import * as reference from "../../src/reference/channels.js";
import { referenceBackend } from "../../src/reference/backend.js";
import type { Tensor } from "../../src/engine/tensor.js";
import { Random } from "../../src/util/random.js";
import { check, testEachPrecision } from "./check.js";

for (const n of [1, 3, 4, 17, 130]) {
  testEachPrecision(`copy on ${n} values matches the reference`, (p) =>
    check(p, {
      inputs: { x: p.random(n) },
      reference: ({ x }) => {
        const y = p.zeros(n);
        reference.copy(x, n, y);
        return y;
      },
      forward: (s, at) => {
        const y = s.alloc(n);
        s.kernels.copy(at.x, n, y);
        return s.read(y, n);
      },
    }));
}

const backends: Array<[string, () => Promise<Backend> | Backend]> = [["wasm", wasmBackend], ["wasm-f64", wasmBackendF64], ["reference", referenceBackend]];
const random = new Random(77);
const values = (n: number): number[] => Array.from({ length: n }, () => random.symmetric(1));

/** Σ y·r's gradient for every input, by one backward from y seeded with r. */
function gradients(engine: Engine, y: Tensor, r: number[], inputs: Tensor[]): number[][] {
  engine.backwardFrom(y, r, { keepTape: true });
  const grads = inputs.map((t) => [...engine.readGrad(t)]);
  engine.clearGradients();
  return grads;
}

for (const [name, backend] of backends) {
  test(`concatChannels stacks channel blocks and scatters the gradient back (${name})`, async () => {
    const engine = await Engine.create(await backend());
    engine.withPass(() => {
      const [N, H, W] = [2, 3, 5], plane = N * H * W;
      const a = engine.fromArray(values(2 * plane), [2, N, H, W], true);
      const b = engine.fromArray(values(3 * plane), [3, N, H, W], true);
      const y = concatChannels(engine, [a, b, a]);
      assert.equal(y.shape, [7, N, H, W]);
      assert.equal([...engine.read(y)], [...engine.read(a), ...engine.read(b), ...engine.read(a)]);
      const r = values(y.size).map((v) => Math.fround(v));
      // a appears twice: its gradient is the sum of both slices (accumulated, not overwritten).
      const [da, db] = gradients(engine, y, r, [a, b]);
      const slice = (from: number, count: number) => r.slice(from * plane, (from + count) * plane);
      assert.equal(db, slice(2, 3));
      slice(0, 2).forEach((v, i) => assert.ok(Math.abs(da[i] - (v + slice(5, 2)[i])) <= 1e-6 * Math.abs(v), `da[${i}]`));
    });
  });

  test(`truncateChannels is a prefix view whose gradient adds into the input's first channels (${name})`, async () => {
    const engine = await Engine.create(await backend());
    engine.withPass(() => {
      const [C, N, H, W] = [5, 2, 2, 3], plane = N * H * W;
      const x = engine.fromArray(values(C * plane), [C, N, H, W], true);
      const y = truncateChannels(engine, x, 4);
      assert.equal(y.shape, [4, N, H, W]);
      assert.equal([...engine.read(y)], [...engine.read(x)].slice(0, 4 * plane));
      // x also feeds the concat directly, so its gradient sums both paths.
      const z = concatChannels(engine, [y, x]);
      const r = values(z.size).map((v) => Math.fround(v));
      const [dx] = gradients(engine, z, r, [x]);
      const direct = r.slice(4 * plane);
      dx.forEach((g, i) => {
        const want = direct[i] + (i < 4 * plane ? r[i] : 0);
        assert.ok(Math.abs(g - want) <= 1e-6 * Math.max(1, Math.abs(want)), `dx[${i}]: ${g} vs ${want}`);
      });
    });
  });
}

test("concatChannels of one tensor and truncateChannels to every channel return the input itself", async () => {
  const engine = await Engine.create();
  engine.withPass(() => {
    const x = engine.zeros([3, 1, 2, 2], true);
    assert.is(concatChannels(engine, [x]), x);
    assert.is(truncateChannels(engine, x, 3), x);
  });
});

test("concatChannels and truncateChannels reject what they cannot do, naming the shapes", async () => {
  const engine = await Engine.create();
  engine.withPass(() => {
    const x = engine.zeros([3, 1, 2, 2]);
    assert.throws(() => truncateChannels(engine, x, 4), /cannot keep 4 of \[3,1,2,2\]'s 3 channels/);
    assert.throws(() => truncateChannels(engine, x, 0), /cannot keep 0/);
    assert.throws(() => concatChannels(engine, [x, engine.zeros([3, 1, 2, 3])]), /\[3,1,2,2\] and \[3,1,2,3\] differ beyond the channels/);
    assert.throws(() => concatChannels(engine, []), /at least one/);
  });
});

// The ops are linear, so central differences of L = Σ z·r through the float64 engine equal the backward to rounding.
test("concat of a truncation: the backward matches central differences (float64 engine)", async () => {
  const engine = await Engine.create(await wasmBackendF64());
  engine.withPass(() => {
    const [N, H, W] = [2, 2, 2], plane = N * H * W;
    const a = engine.fromArray(values(3 * plane), [3, N, H, W], true);
    const b = engine.fromArray(values(2 * plane), [2, N, H, W], true);
    const loss = (r: number[]): number => {
      const z = concatChannels(engine, [truncateChannels(engine, a, 2), b]);
      return [...engine.read(z)].reduce((sum, v, i) => sum + v * r[i], 0);
    };
    const r = values(4 * plane);
    const z = concatChannels(engine, [truncateChannels(engine, a, 2), b]);
    const [da, db] = gradients(engine, z, r, [a, b]);
    for (const [t, grad] of [[a, da], [b, db]] as const) {
      for (const i of [0, 5, t.size - 1]) {
        const view = () => engine.view(t);
        const original = view()[i];
        view()[i] = original + 1e-6;
        const plus = loss(r);
        view()[i] = original - 1e-6;
        const minus = loss(r);
        view()[i] = original;
        assert.ok(Math.abs((plus - minus) / 2e-6 - grad[i]) < 1e-8, `grad[${i}]`);
      }
    }
  });
});

test.run();
