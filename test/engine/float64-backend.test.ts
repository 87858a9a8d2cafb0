// The wasm float64 backend runs the same kernels as float32 in double precision, so on the tiny
// NB201 network it must agree with the plain-TS float64 reference to rounding, not to 1e-3.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { wasmBackend, wasmBackendF64 } from "../../src/engine/backend.js";
import { Engine } from "../../src/engine/engine.js";
import { lossPass } from "../../src/engine/lossPass.js";
import { referenceBackend } from "../../src/reference/backend.js";
import { assertGradientsMatch, batch, gradients, tinyNetwork } from "../helpers/tinyNb201.js";

test("wasm float64 engine: loss and every gradient equal the float64 reference's to 1e-10", async () => {
  const reference = await Engine.create(referenceBackend());
  const wasm = await Engine.create(await wasmBackendF64());
  assert.is(wasm.elementBytes, 8);
  const expectedNet = tinyNetwork(reference), net = tinyNetwork(wasm);
  const expectedLoss = lossPass(reference, expectedNet, batch, (pass) => pass.loss);
  const loss = lossPass(wasm, net, batch, (pass) => pass.loss);
  assert.ok(Math.abs(loss - expectedLoss) <= 1e-12 * Math.abs(expectedLoss), `loss ${loss} vs ${expectedLoss}`);
  assertGradientsMatch(net, gradients(wasm, net), gradients(reference, expectedNet), 1e-10);
});

test("wasm float64 backend has a memory of its own, apart from the float32 one", async () => {
  const [f32, f64] = [await wasmBackend(), await wasmBackendF64()];
  assert.is.not(f64.memory, f32.memory);
  assert.is(f64.elementBytes, 8);
});

test.run();
