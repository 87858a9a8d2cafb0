// Training on synthetic ranking problems: a learnable one must reach a high Kendall τ on held-out
// architectures and shuffled targets must not; the same seed must give the same weights; a
// non-finite loss must stop training and keep the last good epoch.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { kendallTau } from "../../src/metrics/kendall.js";
import { defaultConfig } from "../../src/model/config.js";
import { splitDataset, syntheticDataset } from "../../src/model/dataset.js";
import { predict } from "../../src/model/predict.js";
import { LARGE_DATA, SMALL_DATA, SMALL_TRAIN_SIZE, sizeDefaults } from "../../src/model/sizeDefaults.js";
import { train } from "../../src/model/train.js";
import { throwsInputError } from "../helpers/inputError.js";

const small = defaultConfig("mabn", { sequence: 64, segment: 8, width: 16, depth: 1 });
const fast = { epochs: 30, lr: 3e-3, loss: "mse+dk" };

async function heldOutTau(shuffleTargets: boolean): Promise<number> {
  const data = syntheticDataset(500, { seed: 11, shuffleTargets });
  const { train: trainSet, test: testSet } = splitDataset(data, 300, 0);
  const { model } = await train(small, trainSet, { ...fast, seed: 0 });
  return kendallTau(predict(model, testSet).mean, testSet.targets);
}

test("a learnable synthetic problem reaches Kendall τ > 0.7 on held-out architectures", async () => {
  const tau = await heldOutTau(false);
  assert.ok(tau > 0.7, `τ = ${tau}`);
});

test("shuffled targets give no held-out rank correlation (|τ| < 0.15)", async () => {
  const tau = await heldOutTau(true);
  assert.ok(Math.abs(tau) < 0.15, `τ = ${tau}`);
});

test("the same seed gives identical weights; another seed does not", async () => {
  const data = syntheticDataset(60, { seed: 2 });
  const run = async (seed: number) => {
    const { model, history } = await train(small, data, { epochs: 3, seed, loss: "pw+dk" });
    return { weights: Array.from(model.net.params.snapshot()), losses: history.map((h) => h.loss) };
  };
  const a = await run(5), b = await run(5), c = await run(6);
  assert.equal(a.weights, b.weights);
  assert.equal(a.losses, b.losses);
  assert.not.equal(a.weights, c.weights);
});

test("every model kind and loss trains without error", async () => {
  const data = syntheticDataset(30, { seed: 3 });
  const tiny = { sequence: 32, segment: 8, width: 8, depth: 1 };
  for (const kind of ["mabn", "mixer", "mlp", "bayes-mlp"] as const) {
    for (const loss of ["dk", "pw", "mse", "mse+pw+dk"]) {
      const { history, stopped } = await train(defaultConfig(kind, { ...tiny, archEncoder: kind === "mabn" ? { width: 4, layers: 1, hidden: 8 } : null }), data, { epochs: 2, loss, batchSize: 7 });
      assert.is(stopped, undefined);
      assert.ok(history.every((h) => Number.isFinite(h.loss)), `${kind} ${loss}`);
    }
  }
});

test("the learning rate defaults by training-set size: 1e-3 below SMALL_TRAIN_SIZE, 3e-4 from it on", async () => {
  const tiny = defaultConfig("mlp", { width: 8, depth: 1 });
  for (const [n, lr] of [[SMALL_TRAIN_SIZE - 1, SMALL_DATA.lr], [SMALL_TRAIN_SIZE, LARGE_DATA.lr]]) {
    const { model } = await train(tiny, syntheticDataset(n, { seed: 5 }), { epochs: 1 });
    assert.is(model.provenance.lr, lr, `n = ${n}`);
  }
  assert.equal(sizeDefaults(78), { lr: 1e-3, members: 4 });
  assert.equal(sizeDefaults(156), { lr: 3e-4, members: 1 });
  const { model } = await train(tiny, syntheticDataset(20, { seed: 5 }), { epochs: 1, lr: 5e-4 });
  assert.is(model.provenance.lr, 5e-4, "an explicit rate wins");
});

test("an ensemble's members train side by side and end with different weights", async () => {
  const data = syntheticDataset(300, { seed: 11 });
  const { train: trainSet, test: testSet } = splitDataset(data, 200, 0);
  const { model } = await train({ ...small, members: 2 }, trainSet, { ...fast, seed: 0 });
  const tau = kendallTau(predict(model, testSet).mean, testSet.targets);
  assert.ok(tau > 0.6, `τ = ${tau}`);
  const { params } = model.net;
  const first = params.entries().find((e) => e.name === "project.weight")!.values;
  const second = params.entries().find((e) => e.name === "members.1.project.weight")!.values;
  assert.not.equal(Array.from(first), Array.from(second));
});

test("a NaN loss stops training with a clear message and keeps the last good epoch's weights", async () => {
  const data = syntheticDataset(40, { seed: 4 });
  const snapshots: number[][] = [];
  const result = await train(small, data, {
    epochs: 10, seed: 1,
    onEpoch: (record, model) => {
      snapshots.push(Array.from(model.net.params.snapshot()));
      if (record.epoch === 2) data.features[7][0] = Infinity; // arrives after the masking, as a bad value mid-run would
    },
  });
  assert.ok(result.stopped, "training stopped");
  assert.is(result.stopped!.epoch, 2); // 0-based: the third epoch
  assert.is(result.stopped!.keptEpoch, 1);
  assert.match(result.stopped!.message, /loss became NaN/);
  assert.match(result.stopped!.message, /rolled back to the end of epoch 2/);
  assert.is(result.history.length, 2);
  assert.equal(Array.from(result.model.net.params.snapshot()), snapshots[1]);
  assert.match(String(result.model.provenance.stopped), /NaN/);
});

test("NaN/Inf features are masked and counted before training", async () => {
  const data = syntheticDataset(20, { seed: 5 });
  data.features[3] = data.features[3].slice();
  data.features[3][10] = NaN;
  data.features[3][11] = -Infinity;
  const result = await train(small, data, { epochs: 1 });
  assert.is(result.masked, 2);
  assert.is(result.stopped, undefined);
});

test("bad training input is refused with a clear message", async () => {
  const data = syntheticDataset(20, { seed: 5 });
  const refused = async (run: () => Promise<unknown>, fragment: string) => {
    try {
      await run();
    } catch (error) {
      throwsInputError(() => { throw error; }, fragment);
      return;
    }
    assert.unreachable(`expected an InputError containing ${fragment}`);
  };
  await refused(() => train(small, data, { loss: "hinge" }), "unknown term");
  await refused(() => train(small, data, { epochs: 0 }), "--epochs");
  await refused(() => train(small, { ...data, targets: data.targets.map((t, i) => (i === 4 ? NaN : t)) }, {}), "target");
  await refused(() => train(small, { ...data, features: data.features.map((f) => f.subarray(0, 10)) }, {}), "features, expected 294");
  throwsInputError(() => splitDataset(data, 20, 0), "--train-size 20");
});

test.run();
