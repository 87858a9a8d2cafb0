// grasp on a demo architecture whose ReLU units sit within 1e-11 of zero on both sides: the central
// difference of 2026-11 flipped a unit at every step it tried (1e-10, 1e-11, 1e-12), kept the least
// inconsistent estimate and returned −1.47e8 for PyTorch's 1747.5. Now each step's flips are seen in
// the ReLU sign codes, the other direction and smaller steps are tried, and the result is within
// 1e-5 of PyTorch's float64 double backward on every node (test/fixtures/grasp_flip_float64.json).
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { wasmBackendF64 } from "../../src/engine/backend.js";
import { Engine } from "../../src/engine/engine.js";
import { ProxyContext } from "../../src/proxies/context.js";
import { getProxy } from "../../src/proxies/index.js";
import { proxyInputs } from "../../src/proxies/inputs.js";
import { nb201Subject } from "../helpers/nb201Subject.js";

const reference = (JSON.parse(readFileSync(new URL("../fixtures/grasp_flip_float64.json", import.meta.url), "utf8")) as { nets: { arch: string; per_node: number[]; score: number }[] }).nets[1];

test("grasp on a network that flips a unit at ±1e-11 matches PyTorch float64 within 1e-5 per node (it was −1.47e8 for 1747.5)", async () => {
  const f64 = await Engine.create(await wasmBackendF64());
  const context = new ProxyContext(nb201Subject(reference.arch), proxyInputs({ batchSize: 16, seed: 0 }), 0, { f32: await Engine.create(), f64: async () => f64 });
  const { nodes, score } = await getProxy("grasp").compute(context);
  const scale = Math.max(...reference.per_node.map(Math.abs));
  reference.per_node.forEach((want, i) => assert.ok(Math.abs(nodes![i] - want) <= 1e-5 * scale, `node ${i}: ${nodes![i]}, PyTorch float64 ${want}`));
  assert.ok(Math.abs(score - reference.score) <= 1e-5 * Math.abs(reference.score), `score ${score}, PyTorch float64 ${reference.score}`);
});

test.run();
