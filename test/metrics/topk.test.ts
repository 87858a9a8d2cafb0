import { test } from "uvu";
import * as assert from "uvu/assert";
import { rankingMetrics } from "../../src/metrics/ranking.js";
import { bestAmongTop, precisionAtTop, topIndices } from "../../src/metrics/topk.js";

test("topIndices: largest first, ties in index order", () => {
  assert.equal(topIndices([3, 9, 1, 9, 5], 3), [1, 3, 4]);
  assert.equal(topIndices([1, 2], 5), [1, 0]);
});

test("precision@top-5%: the share of the true top k (k = 5% of n) the prediction also ranks top k", () => {
  const truth = Array.from({ length: 100 }, (_, i) => i);
  assert.is(precisionAtTop(truth, truth), 1);
  assert.is(precisionAtTop(truth.map((v) => -v), truth), 0);
  const predicted = truth.slice();
  [predicted[99], predicted[0]] = [predicted[0], predicted[99]]; // the best one predicted worst
  assert.is(precisionAtTop(predicted, truth), 4 / 5);
  assert.is(precisionAtTop([1, 2, NaN], [1, 2, 3]), 1, "NaN pairs are left out; k is at least 1");
});

test("bestTop10: the best true value among the 10 best-predicted", () => {
  const truth = Array.from({ length: 50 }, (_, i) => i);
  assert.is(bestAmongTop(truth, truth), 49);
  const predicted = truth.map((v) => -v);
  assert.is(bestAmongTop(predicted, truth), 9);
});

test("rankingMetrics reports kendall, spearman, precisionTop5, bestTop10 and n", () => {
  const m = rankingMetrics([1, 2, 3, 4], [10, 20, 30, 40]);
  assert.equal(m, { kendall: 1, spearman: 1, precisionTop5: 1, bestTop10: 40, n: 4 });
});

test.run();
