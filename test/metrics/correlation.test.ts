import { test } from "uvu";
import * as assert from "uvu/assert";
import { kendallTau } from "../../src/metrics/kendall.js";
import { averageRanks } from "../../src/metrics/ranks.js";
import { spearman } from "../../src/metrics/spearman.js";
import { kendallTauDefinition as bruteTauB } from "../../src/reference/kendall.js";
import { Random } from "../../src/util/random.js";

test("Kendall τ-b and Spearman ρ reproduce scipy's documented examples", () => {
  // scipy.stats.kendalltau docs: x = [12, 2, 1, 12, 2], y = [1, 4, 7, 1, 0] → -0.4714045207910317
  assert.ok(Math.abs(kendallTau([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]) + 0.4714045207910317) < 1e-12);
  // scipy.stats.spearmanr docs: [1, 2, 3, 4, 5] vs [5, 6, 7, 8, 7] → 0.8207826816681233
  assert.ok(Math.abs(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) - 0.8207826816681233) < 1e-12);
});

test("Kendall τ-b equals the O(n²) definition on random data with many ties", () => {
  const random = new Random(3);
  for (let trial = 0; trial < 30; trial++) {
    const n = 2 + random.int(300);
    const x = Array.from({ length: n }, () => random.int(trial % 2 ? 5 : 1000));
    const y = Array.from({ length: n }, () => random.int(trial % 3 ? 7 : 1000));
    const expected = bruteTauB(x, y);
    const actual = kendallTau(x, y);
    if (Number.isNaN(expected)) assert.ok(Number.isNaN(actual));
    else assert.ok(Math.abs(actual - expected) < 1e-12, `n=${n}: ${actual} vs ${expected}`);
  }
});

test("Spearman without ties equals 1 − 6Σd²/(n(n²−1)); perfect and reversed orders give ±1", () => {
  const random = new Random(4);
  const x = random.shuffle(Array.from({ length: 200 }, (_, i) => i));
  const y = random.shuffle(Array.from({ length: 200 }, (_, i) => i));
  let d2 = 0;
  for (let i = 0; i < 200; i++) d2 += (x[i] - y[i]) ** 2;
  assert.ok(Math.abs(spearman(x, y) - (1 - (6 * d2) / (200 * (200 * 200 - 1)))) < 1e-12);
  assert.is(spearman(x, x), 1);
  assert.ok(Math.abs(kendallTau(x, x.map((v) => -v)) + 1) < 1e-12);
});

test("non-finite pairs are left out and ties share average ranks", () => {
  assert.equal([...averageRanks([10, 20, 20, 5])], [2, 3.5, 3.5, 1]);
  assert.ok(Math.abs(kendallTau([1, 2, NaN, 3, Infinity], [1, 2, 5, 3, 4]) - 1) < 1e-12);
  assert.ok(Number.isNaN(kendallTau([1, 1, 1], [1, 2, 3])));
});

test.run();
