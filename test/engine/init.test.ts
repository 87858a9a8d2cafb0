// Initialisation: NB101's He-normal fan-out convs and N(0, 0.01²) classifier (archai's
// model.py:122-135), drawn from the engine's one seeded stream, and the PyTorch default unchanged.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Engine } from "../../src/engine/engine.js";
import { Conv2d } from "../../src/engine/layers/conv2d.js";
import { Linear } from "../../src/engine/layers/linear.js";
import type { Parameter } from "../../src/engine/tensor.js";
import { referenceBackend } from "../../src/reference/backend.js";
import { Random } from "../../src/util/random.js";

const SEED = 101;

/** Sample mean and standard deviation. */
function moments(values: ArrayLike<number>): { mean: number; std: number } {
  let sum = 0, squares = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  const mean = sum / values.length;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  return { mean, std: Math.sqrt(squares / (values.length - 1)) };
}

/** Mean within 4 standard errors of 0 and std within 4 standard errors of `std` (fixed seed, so not flaky). */
function assertNormal(what: string, values: ArrayLike<number>, std: number): void {
  const n = values.length, got = moments(values);
  assert.ok(Math.abs(got.mean) < (4 * std) / Math.sqrt(n), `${what}: mean ${got.mean} for std ${std} over ${n}`);
  assert.ok(Math.abs(got.std / std - 1) < 4 / Math.sqrt(2 * n), `${what}: std ${got.std}, want ${std}`);
}

async function drawn(params: Parameter[], scheme?: "pytorch" | "gaussian"): Promise<Float32Array[]> {
  const engine = await Engine.create();
  engine.allocateParameters(params, SEED, scheme);
  return params.map((p) => engine.read(p) as Float32Array);
}

test("Conv2d heNormalFanOut draws N(0, 2/(k·k·C_out)) weights", async () => {
  const convs = [new Conv2d("a", 64, 128, 3, 1, 1, "heNormalFanOut"), new Conv2d("b", 128, 256, 1, 1, 0, "heNormalFanOut")];
  const weights = await drawn(convs.flatMap((c) => c.parameters()));
  assertNormal("3×3 conv", weights[0], Math.sqrt(2 / (9 * 128)));
  assertNormal("1×1 conv", weights[1], Math.sqrt(2 / 256));
});

test("Linear normal0.01 draws N(0, 0.01²) weights and a zero bias", async () => {
  const linear = new Linear("classifier", 512, 10, "normal0.01");
  const [weight, bias] = await drawn(linear.parameters());
  assertNormal("weight", weight, 0.01);
  assert.equal([...bias], new Array(10).fill(0));
});

test("a normal parameter is Math.fround(random.normal() · std) from the shared stream, on every backend", async () => {
  const conv = new Conv2d("c", 3, 4, 3, 1, 1, "heNormalFanOut");
  const std = Math.sqrt(2 / (9 * 4));
  const random = new Random(SEED);
  const want = Array.from({ length: conv.weight.size }, () => Math.fround(random.normal() * std));
  const [wasm] = await drawn(conv.parameters());
  assert.equal([...wasm], want);
  const engine = await Engine.create(referenceBackend());
  engine.allocateParameters(conv.parameters(), SEED);
  assert.equal([...engine.read(conv.weight)], want);
});

test("the default init is still PyTorch's uniform ±1/sqrt(fan_in), value for value", async () => {
  const conv = new Conv2d("c", 3, 4, 3);
  const linear = new Linear("l", 6, 2);
  assert.equal(conv.weight.init, { kind: "uniform", fanIn: 27 });
  assert.equal(linear.bias.init, { kind: "uniform", fanIn: 6, bias: true });
  const [w, lw, lb] = await drawn([conv.weight, linear.weight, linear.bias]);
  const random = new Random(SEED);
  const uniform = (n: number, fanIn: number) => Array.from({ length: n }, () => Math.fround(random.symmetric(1 / Math.sqrt(fanIn))));
  assert.equal([...w], uniform(108, 27));
  assert.equal([...lw], uniform(12, 6));
  assert.equal([...lb], uniform(2, 6));
});

test("under Zen-NAS's gaussian scheme a normal weight is N(0, 1) and a zero bias stays zero", async () => {
  const conv = new Conv2d("c", 32, 64, 3, 1, 1, "heNormalFanOut");
  const linear = new Linear("l", 64, 10, "normal0.01");
  const [w, lw, lb] = await drawn([...conv.parameters(), ...linear.parameters()], "gaussian");
  assertNormal("conv", w, 1);
  assertNormal("linear", lw, 1);
  assert.equal([...lb], new Array(10).fill(0));
});

test.run();
