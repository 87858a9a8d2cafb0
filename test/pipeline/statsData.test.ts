import { test } from "uvu";
import * as assert from "uvu/assert";
import { kendallTau } from "../../src/metrics/kendall.js";
import { spearman } from "../../src/metrics/spearman.js";
import { proxyCorrelations } from "../../src/pipeline/proxyCorrelations.js";
import { loadStats } from "../../src/pipeline/statsData.js";
import { StatsStore } from "../../src/pipeline/store.js";
import { nb201 } from "../../src/spaces/nb201/index.js";
import { smallRunStore } from "../helpers/smallRun.js";

test("a store loads as index-ordered arrays of archs, scores and node vectors", async () => {
  const path = await smallRunStore();
  const records = [...StatsStore.read(path).records()];
  const data = loadStats(path);
  assert.equal(data.archs, records.map((r) => r.arch));
  assert.equal([...data.indices], records.map((r) => r.index));
  assert.equal([...data.scores.snip], records.map((r) => r.scores.snip));
  assert.equal(data.nodes.grad_norm.map((v) => [...v]), records.map((r) => r.nodes.grad_norm));
  assert.equal(loadStats(path, { nodes: false }).nodes, {});
});

test("correlations are Kendall τ and Spearman ρ over the finite pairs", async () => {
  const data = loadStats(await smallRunStore());
  data.scores.snip[0] = NaN;
  const target = nb201.table().column("c10_test_200");
  const accuracies = Array.from(data.indices, (index) => target[index]);
  const [gradNorm, snip] = proxyCorrelations(data, target);
  assert.equal(gradNorm, { proxy: "grad_norm", n: 6, kendall: kendallTau(data.scores.grad_norm, accuracies), spearman: spearman(data.scores.grad_norm, accuracies) });
  assert.equal([snip.n, snip.kendall], [5, kendallTau(data.scores.snip.slice(1), accuracies.slice(1))]);
});

test.run();
