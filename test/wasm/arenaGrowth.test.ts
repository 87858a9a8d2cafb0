// The arena grows wasm memory in large steps (each grow costs V8 a full GC), yet still hands out
// the last pages below the memory's maximum.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Arena } from "../../src/wasm/arena.js";

const PAGE = 65536;

function counted(memory: WebAssembly.Memory): { grows: () => number } {
  let grows = 0;
  const grow = memory.grow.bind(memory);
  memory.grow = (pages: number) => {
    grows++;
    return grow(pages);
  };
  return { grows: () => grows };
}

test("200 one-page allocations grow the memory a few times, not 200", () => {
  const memory = new WebAssembly.Memory({ initial: 16, maximum: 4096 });
  const { grows } = counted(memory);
  const arena = new Arena(memory, 0);
  for (let i = 0; i < 200; i++) arena.alloc(PAGE);
  assert.ok(memory.buffer.byteLength >= 200 * PAGE);
  assert.ok(grows() <= 12, `${grows()} grows`);
});

test("near the maximum it grows by just what is needed", () => {
  const memory = new WebAssembly.Memory({ initial: 16, maximum: 20 });
  const arena = new Arena(memory, 0);
  arena.alloc(19 * PAGE);
  arena.alloc(PAGE);
  assert.is(memory.buffer.byteLength, 20 * PAGE);
  assert.throws(() => arena.alloc(1));
});

test.run();
