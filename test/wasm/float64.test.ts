import { test } from "uvu";
import * as assert from "uvu/assert";
import type { WasmExports } from "../../src/wasm/exports.js";
import { float64Kernels } from "../../src/wasm/float64.js";

// A stand-in for the module's exports: one kernel with its twin, one written for f32 only.
const memory = new WebAssembly.Memory({ initial: 1 });
const exports = {
  memory,
  heapBase: () => 64,
  sum: () => 32,
  sumF64: () => 64,
  f32Only: () => 32,
} as unknown as WasmExports;

test("float64Kernels binds each f32 name to its F64 twin and keeps the memory and heap base", () => {
  const kernels = float64Kernels(exports);
  assert.is(kernels.sum(0, 0), 64);
  assert.is(kernels.memory, memory);
  assert.is(kernels.heapBase(), 64);
  assert.not.ok("sumF64" in kernels);
});

test("a kernel without an F64 twin fails when called, naming the twin it lacks", () => {
  const kernels = float64Kernels(exports) as unknown as Record<string, () => void>;
  assert.throws(() => kernels.f32Only(), /f32OnlyF64/);
});

test.run();
