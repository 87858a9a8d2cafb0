// The wasm fills draw exactly Random's values (mulberry32, Box-Muller with V8's log and cos),
// rounded to float32, on both precisions and on the plain-TS reference, and hand the stream back
// where Random would be: networks start from the same weights as before and as their PyTorch twins.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type Backend, wasmBackend, wasmBackendF64 } from "../../src/engine/backend.js";
import { Engine } from "../../src/engine/engine.js";
import { referenceBackend } from "../../src/reference/backend.js";
import { Random } from "../../src/util/random.js";

const COUNT = 300_000;
const backends: [string, () => Promise<Backend> | Backend][] = [["f32", wasmBackend], ["f64", wasmBackendF64], ["reference", referenceBackend]];

function expected(seed: number, count: number, draw: (random: Random) => number): { values: Float64Array; position: number } {
  const random = new Random(seed);
  const values = Float64Array.from({ length: count }, () => Math.fround(draw(random)));
  return { values, position: random.position };
}

for (const [name, backend] of backends) {
  for (const [fill, draw, scale] of [
    ["fillNormal", (random: Random) => random.normal() * 0.0312, 0.0312],
    ["fillSymmetric", (random: Random) => random.symmetric(0.125), 0.125],
  ] as const) {
    test(`${fill} (${name}) draws Random's values bit for bit and returns its position`, async () => {
      const engine = await Engine.create(await backend());
      const count = name === "reference" ? COUNT / 10 : COUNT;
      for (const seed of [0, 7, 2 ** 32 - 1]) {
        const want = expected(seed, count, draw);
        const t = engine.empty([count]);
        const position = engine.kernels[fill](t.ptr, count, new Random(seed).position, scale);
        assert.is(position >>> 0, want.position, `seed ${seed}: position`);
        const got = engine.view(t);
        const first = want.values.findIndex((v, i) => !Object.is(v, got[i]));
        assert.is(first, -1, first < 0 ? "" : `seed ${seed}: value ${first}: ${got[first]} ≠ ${want.values[first]}`);
        engine.resetAll();
      }
    });
  }
}

test("a stream's position survives the round trip through a kernel's int32", () => {
  const random = new Random(12345);
  for (let i = 0; i < 1000; i++) random.uniform();
  const copy = Random.at(random.position | 0);
  assert.is(copy.nextUint32(), random.nextUint32());
});

test.run();
