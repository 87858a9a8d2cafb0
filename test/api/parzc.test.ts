// The library face of the predictor: ParZC trains on proxy statistics (synthetic node vectors for
// 60 real NB201 architectures, targets from the benchmark table), saves, loads and predicts.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ParZC, nb201, type NodeStats, type ProxyRecord } from "../../src/index.js";
import { calibrate } from "../../src/model/calibration.js";
import { encodeStats } from "../../src/model/features.js";
import { Random } from "../../src/util/random.js";
import { rejectsInputError } from "../helpers/rejectsInputError.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-api-"));
const PROXIES = ["grad_norm", "snip", "synflow"];
const random = new Random(3);
const archs = nb201.sample(60, random).map(nb201.parse);
const records: ProxyRecord[] = archs.map((arch) => ({
  arch: nb201.format(arch),
  nodes: Object.fromEntries(PROXIES.map((proxy) => [proxy, Float64Array.from({ length: nb201.nodeCount(arch) }, (_, i) => random.uniform() * (i + 1))])),
  scores: {},
  flags: [],
}));
const stats: NodeStats = {
  archs: records.map((r) => r.arch),
  nodes: Object.fromEntries(PROXIES.map((proxy) => [proxy, records.map((r) => r.nodes[proxy])])),
};
const quiet = () => {};
const SMALL = { target: "c10v_valid_200", trainSize: 20, seed: 1, epochs: 2, loss: "mse+dk", config: { width: 8, depth: 1 }, warn: quiet };
const ONE_THREAD = { samples: 4, workers: 1, warn: quiet };

let trained: ParZC;
test.before(async () => {
  trained = await ParZC.train(stats, SMALL);
});

test("a model saved to a file and loaded back predicts exactly the same means and stds", async () => {
  const path = join(scratch, "model.json");
  trained.save(path);
  const loaded = await ParZC.load(path);
  const before = await trained.predict(stats, ONE_THREAD);
  const after = await loaded.predict(stats, ONE_THREAD);
  assert.equal(after.archs, stats.archs);
  assert.equal(Array.from(after.mean), Array.from(before.mean));
  assert.equal(Array.from(after.std), Array.from(before.std));
  assert.ok(before.std.every((s) => s > 0), "a Bayesian model's K samples differ");
  assert.is(readFileSync(path, "utf8"), JSON.stringify(trained) + "\n");
});

test("below 120 training architectures the small-data defaults apply (4 members, lr 1e-3) unless the caller sets them", async () => {
  assert.is(trained.config.members, 4);
  assert.is(trained.provenance.lr, 1e-3);
  const single = await ParZC.train(stats, { ...SMALL, epochs: 1, lr: 5e-4, config: { ...SMALL.config, members: 1 } });
  assert.is(single.config.members, 1);
  assert.is(single.provenance.lr, 5e-4);
});

test("fromJSON(toJSON()) gives the same model, config and provenance", async () => {
  const copy = await ParZC.fromJSON(trained.toJSON());
  assert.equal(copy.config, trained.config);
  assert.equal(copy.provenance, trained.provenance);
  assert.equal(Array.from((await copy.predict(stats, ONE_THREAD)).mean), Array.from((await trained.predict(stats, ONE_THREAD)).mean));
});

test("training is seeded: the same options give the same weights; its report and provenance are kept", async () => {
  const again = await ParZC.train(stats, SMALL);
  assert.equal(again.toJSON().parameters, trained.toJSON().parameters);
  assert.is(again.training.history.length, 2);
  assert.is(again.target.column, "c10v_valid_200");
  assert.is((again.provenance.trainIndices as number[]).length, 20);
});

test("predict takes node stats, computeProxies records or encoded features alike", async () => {
  const fromStats = await trained.predict(stats, ONE_THREAD);
  const fromRecords = await trained.predict(records, ONE_THREAD);
  assert.equal(Array.from(fromRecords.mean), Array.from(fromStats.mean));
  const features = encodeStats(stats, trained.encoding).features;
  const fromFeatures = await trained.predict({ archs: stats.archs, features }, ONE_THREAD);
  assert.equal(Array.from(fromFeatures.mean), Array.from(fromStats.mean));
});

test("rank lists the best predicted architectures, best first", async () => {
  const { archs: predicted, mean } = await trained.predict(stats, ONE_THREAD);
  const rows = await trained.rank(stats, { ...ONE_THREAD, top: 5 });
  assert.equal(rows.map((r) => r.rank), [1, 2, 3, 4, 5]);
  assert.is(rows[0].mean, Math.max(...mean));
  assert.is(rows[0].arch, predicted[mean.indexOf(rows[0].mean)]);
  assert.ok(rows.every((r, i) => i === 0 || rows[i - 1].mean >= r.mean));
});

test("predict and rank give each score as a predicted accuracy (%) through the model's calibration, the raw score kept", async () => {
  const calibration = trained.calibration!;
  assert.is(calibration.column, "c10v_valid_200");
  assert.is(calibration.n, 20, "fitted on the training architectures");
  const prediction = await trained.predict(stats, ONE_THREAD);
  assert.is(prediction.predicted!.length, prediction.archs.length);
  prediction.predicted!.forEach(({ value, std }, i) => {
    assert.is(value, calibrate(calibration, prediction.mean[i]));
    assert.ok(std >= 0 && value >= calibration.y[0] && value <= calibration.y.at(-1)!, `${value} ± ${std}`);
  });
  const [best] = await trained.rank(stats, { ...ONE_THREAD, top: 1 });
  assert.equal(best.predicted, prediction.predicted![prediction.mean.indexOf(best.mean)]);
  const old = await ParZC.fromJSON({ ...trained.toJSON(), calibration: undefined });
  assert.is(old.calibration, null);
  assert.is((await old.predict(stats, ONE_THREAD)).predicted, null, "an old model file predicts raw scores only");
  assert.not.ok("predicted" in (await old.rank(stats, { ...ONE_THREAD, top: 1 }))[0]);
});

test("evaluate leaves out the 20 training architectures", async () => {
  const metrics = await trained.evaluate(stats, { target: "c10_test_200", ...ONE_THREAD });
  assert.is(metrics.n, 40);
  assert.ok(Math.abs(metrics.kendall) <= 1);
  assert.is((await trained.evaluate(stats, { target: "c10_test_200", includeTrain: true, ...ONE_THREAD })).n, 60);
});

test("architectures without node vectors are left out with a warning; missing proxies are refused", async () => {
  const warnings: string[] = [];
  const partial: NodeStats = { archs: stats.archs, nodes: { ...stats.nodes, snip: stats.nodes.snip.map((v, i) => (i < 3 ? undefined : v)) } };
  const prediction = await trained.predict(partial, { ...ONE_THREAD, warn: (m) => warnings.push(m) });
  assert.is(prediction.archs.length, 57);
  assert.equal(prediction.archs, stats.archs.slice(3));
  assert.match(warnings.join("\n"), /3 architecture\(s\) in the stats lack node vectors/);
  const { snip: _, ...withoutSnip } = stats.nodes;
  await rejectsInputError(ParZC.train({ archs: stats.archs, nodes: withoutSnip }, SMALL), "no node vectors of snip", "--proxies grad_norm,snip,synflow");
});

test.run();
