import { test } from "uvu";
import * as assert from "uvu/assert";
import { kendallTau } from "../../src/metrics/kendall.js";
import { spearman } from "../../src/metrics/spearman.js";
import { proxyCorrelations } from "../../src/pipeline/proxyCorrelations.js";
import { loadReferenceScores } from "../../src/pipeline/referenceScores.js";
import { loadStats } from "../../src/pipeline/statsData.js";
import { resolveDataRoot } from "../../src/data/paths.js";
import { StatsStore } from "../../src/pipeline/store.js";
import { getSpace } from "../../src/spaces/index.js";
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

test("with NAS-Bench-Suite-Zero's scores as reference, both sides use only the architectures the reference holds", async () => {
  const data = loadStats(await smallRunStore());
  const table = nb201.table();
  const reference = loadReferenceScores(getSpace("nb201"), resolveDataRoot(), "s.store");
  assert.is(reference.scores.size, 9445);
  const target = table.column("c10v_valid_200");
  const shared = Array.from(data.indices.keys()).filter((row) => reference.scores.has(data.archs[row]));
  assert.ok(shared.length > 0 && shared.length < data.archs.length, `the fixture store should mix valid and other archs (${shared.length}/${data.archs.length})`);
  const accuracies = shared.map((row) => target[data.indices[row]]);
  const [gradNorm] = proxyCorrelations(data, target, reference);
  assert.is(gradNorm.n, shared.length);
  assert.is(gradNorm.kendall, kendallTau(shared.map((row) => data.scores.grad_norm[row]), accuracies));
  const theirs = shared.map((row) => reference.scores.get(data.archs[row])!.grad_norm);
  assert.equal(gradNorm.reference, { n: shared.length, kendall: kendallTau(theirs, accuracies), spearman: spearman(theirs, accuracies) });
  // The file's first row, by hand: its scores are its arch string's.
  const first = reference.scores.get("|avg_pool_3x3~0|+|skip_connect~0|none~1|+|nor_conv_1x1~0|avg_pool_3x3~1|nor_conv_1x1~2|")!;
  assert.equal([first.grad_norm, first.flops], [10.883214950561523, 19.248832]);
});

test.run();
