import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadStats } from "../../src/pipeline/statsData.js";
import { nb201 } from "../../src/spaces/nb201/index.js";
import { compareMethods } from "../../src/search/methodComparison.js";
import { parsePoolSpec } from "../../src/search/poolSpec.js";
import { selectStats } from "../../src/search/statsSubset.js";
import { nodeSizes, weightedScores } from "../../src/search/weightedScores.js";
import { getSpace } from "../../src/spaces/index.js";
import { spaceOptimum, zeroShotSearch } from "../../src/search/zeroShot.js";
import { throwsInputError } from "../helpers/inputError.js";
import { smallRunStore } from "../helpers/smallRun.js";

const table = nb201.table();

test("selectStats keeps the asked architectures in store order and names the missing ones", async () => {
  const data = loadStats(await smallRunStore());
  const wanted = [data.archs[3], "not-in-store", data.archs[1]];
  const { selected, missing } = selectStats(data, wanted);
  assert.equal(selected.archs, [data.archs[1], data.archs[3]]);
  assert.equal(missing, ["not-in-store"]);
  assert.is(selected.scores.snip[1], data.scores.snip[3]);
  assert.is(selected.nodes.grad_norm[0], data.nodes.grad_norm[1]);
  assert.equal(Array.from(selected.indices), [data.indices[1], data.indices[3]]);
});

test("ParZC† with uniform weights gives back the proxy's own score (sum and size-weighted proxies)", async () => {
  const data = loadStats(await smallRunStore());
  for (const proxy of ["grad_norm", "snip"]) {
    const uniform = weightedScores(data, proxy, "uniform");
    data.archs.forEach((_, i) => {
      const score = data.scores[proxy][i];
      if (Number.isFinite(score)) assert.ok(Math.abs(uniform[i] - score) <= 1e-9 * Math.abs(score), `${proxy} ${uniform[i]} vs ${score}`);
      else assert.ok(Number.isNaN(uniform[i]));
    });
    const sine = weightedScores(data, proxy, "sine");
    assert.ok(sine.some((value, i) => Number.isFinite(value) && value !== uniform[i]));
  }
  assert.is(nodeSizes(nb201, nb201.largest, "cifar10").length, nb201.nodeCount(nb201.parse(nb201.largest)));
  const nb101 = getSpace("nb101");
  // NB101's input→output-only cell is one 1×1 projection a cell: stem, 9 projections, classifier.
  const projections = [[128, 128], [128, 128], [128, 128], [128, 256], [256, 256], [256, 256], [256, 512], [512, 512], [512, 512]];
  assert.equal(nodeSizes(nb101, ":01", "cifar10"), [3 * 128 * 9, ...projections.map(([i, o]) => i * o), 512 * 10]);
  throwsInputError(() => weightedScores(data, "params"), "no node-wise form", "grad_norm");
  throwsInputError(() => weightedScores(data, "synflow"), "no node vectors of \"synflow\"");
});

test("zeroShotSearch ranks by score, skips undefined scores, and reports the best found against the optimum", () => {
  const accuracy = table.column("c10_test_200");
  const archs = [10, 20, 30, 40, 50].map((i) => table.archAt(i));
  const scores = [3, NaN, 1, 5, 2];
  const truth = { space: nb201, table, target: "c10_test_200" };
  const result = zeroShotSearch(archs, scores, [0.1, 0.2, 0.3, 0.4, 0.5], 3, truth);
  assert.equal(result.rows.map((row) => row.index), [40, 10, 50]);
  assert.equal(result.rows.map((row) => row.std), [0.4, 0.1, 0.5]);
  assert.is(result.ranked, 4);
  const bestRow = result.rows.reduce((a, row) => (row.accuracy > a.accuracy ? row : a));
  assert.is(result.best?.accuracy, bestRow.accuracy);
  assert.is(result.best?.rank, bestRow.rank);
  assert.is(result.rows[0].accuracy, accuracy[40]);
  const optimum = spaceOptimum(table, "c10_test_200");
  assert.is(optimum.accuracy, Math.max(...accuracy.filter(Number.isFinite)));
  assert.is(table.archAt(optimum.index), optimum.arch);
  const { labelled, ...point } = optimum;
  assert.equal(result.optimum, point);
  assert.equal(result.optimumOver, { labelled, space: 15625 });
  assert.not.ok("std" in zeroShotSearch(archs, scores, undefined, 1, truth).rows[0]);
});

test("compareMethods scores every method on the same truth, best τ first, undefined τ last", () => {
  const truth = [1, 2, 3, 4, 5];
  const results = compareMethods([
    { method: "constant", kind: "proxy", scores: [1, 1, 1, 1, 1] },
    { method: "reversed", kind: "proxy", scores: [5, 4, 3, 2, 1] },
    { method: "ParZC", kind: "parzc", scores: [1, 2, 3, 4, 5] },
  ], truth);
  assert.equal(results.map((r) => r.method), ["ParZC", "reversed", "constant"]);
  assert.is(results[0].kendall, 1);
  assert.is(results[1].kendall, -1);
  assert.ok(Number.isNaN(results[2].kendall));
  assert.ok(results.every((r) => r.n === 5));
});

test("parsePoolSpec takes all, sample:N and file:PATH and names --pool otherwise", () => {
  assert.equal(parsePoolSpec("all"), { kind: "all" });
  assert.equal(parsePoolSpec("sample:25"), { kind: "sample", count: 25 });
  assert.equal(parsePoolSpec("file:a.txt"), { kind: "file", path: "a.txt" });
  throwsInputError(() => parsePoolSpec("some"), '--pool "some"', "sample:N");
  throwsInputError(() => parsePoolSpec("sample:0"), "N >= 1");
});

test.run();
