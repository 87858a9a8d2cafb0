import { test } from "uvu";
import * as assert from "uvu/assert";
import { Random } from "../../src/util/random.js";

test("mulberry32 matches the C original for seeds 0 and 42", () => {
  // Values printed by the reference C implementation (uint32 arithmetic), compiled with gcc.
  const zero = new Random(0);
  assert.equal([zero.nextUint32(), zero.nextUint32(), zero.nextUint32()], [1144304738, 1416247, 958946056]);
  const fortyTwo = new Random(42);
  assert.equal([fortyTwo.nextUint32(), fortyTwo.nextUint32(), fortyTwo.nextUint32()], [2581720956, 1925393290, 3661312704]);
});

test("uniform stays in [0, 1) and has mean near 1/2", () => {
  const r = new Random(7);
  let sum = 0;
  for (let i = 0; i < 100000; i++) {
    const u = r.uniform();
    assert.ok(u >= 0 && u < 1);
    sum += u;
  }
  assert.ok(Math.abs(sum / 100000 - 0.5) < 0.01);
});

test("normal has mean 0 and variance 1", () => {
  const r = new Random(3);
  let s = 0, s2 = 0;
  const n = 100000;
  for (let i = 0; i < n; i++) { const z = r.normal(); s += z; s2 += z * z; }
  assert.ok(Math.abs(s / n) < 0.02);
  assert.ok(Math.abs(s2 / n - 1) < 0.03);
});

test("a non-integer seed is refused with the value named", () => {
  assert.throws(() => new Random(1.5), /seed 1\.5/);
});

test.run();
