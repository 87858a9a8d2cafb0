// From stats-store node vectors to model inputs: ParZC's encoding, the optional magnitude features
// and their training-set standardisation, and what is left out and counted.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { defaultConfig } from "../../src/model/config.js";
import { modelDocument, parseModel } from "../../src/model/modelFile.js";
import { predict } from "../../src/model/predict.js";
import { encodeNodes, encodeStats, encodedSize, magnitudeFeatures, parzcEncoding } from "../../src/model/features.js";
import { INPUT_CLAMP } from "../../src/model/predictor.js";
import { labelStats } from "../../src/model/statsDataset.js";
import { train } from "../../src/model/train.js";
import { nb201 } from "../../src/spaces/nb201/index.js";
import { Random } from "../../src/util/random.js";
import { InputError } from "../../src/util/errors.js";

const random = new Random(12);
const cells = nb201.sample(40, random).map(nb201.parse);
const archs = cells.map((cell) => nb201.format(cell));
const vector = (n: number, scale: number) => Float64Array.from({ length: n }, () => scale * random.uniform());
const nodes = {
  grad_norm: cells.map((cell) => vector(nb201.nodeCount(cell), 2)),
  snip: cells.map((cell) => vector(nb201.nodeCount(cell), 1e-3)),
  synflow: cells.map((cell) => vector(nb201.nodeCount(cell), 1e6)),
};

test("without magnitudes the features are ParZC's encoding exactly", () => {
  const encoded = encodeStats({ archs, nodes }, parzcEncoding(nb201, false));
  assert.is(encoded.features[0].length, 294);
  assert.equal(Array.from(encoded.features[5]), Array.from(encodeNodes({ grad_norm: nodes.grad_norm[5], snip: nodes.snip[5], synflow: nodes.synflow[5] }, parzcEncoding(nb201)).features));
});

test("magnitudes append log Σ|v| per proxy and the node count / 98", () => {
  const encoding = parzcEncoding(nb201, true);
  assert.is(encodedSize(encoding), 298);
  const encoded = encodeStats({ archs, nodes }, encoding);
  const f = encoded.features[3];
  assert.is(f.length, 298);
  const sum = nodes.synflow[3].reduce((a, v) => a + v, 0);
  assert.ok(Math.abs(f[296] - Math.log(sum)) < 1e-5);
  assert.ok(Math.abs(f[297] - nb201.nodeCount(cells[3]) / 98) < 1e-7);
  const zeros = magnitudeFeatures({ grad_norm: [0, 0], snip: [NaN, 1], synflow: [2, -2] }, encoding);
  const want = [Math.log(1e-30), 0, Math.log(4), 2 / 98];
  zeros.forEach((v, i) => assert.ok(Math.abs(v - want[i]) < 1e-12, `magnitude ${i}: ${v} vs ${want[i]}`));
});

test("architectures without node vectors or targets are left out and counted", () => {
  const holes = { ...nodes, snip: nodes.snip.map((v, i) => (i === 2 ? undefined : v)) };
  const encoded = encodeStats({ archs, nodes: holes }, parzcEncoding(nb201, true));
  assert.is(encoded.missingNodes, 1);
  assert.is(encoded.archs.length, 39);
  const table = nb201.table();
  const labelled = labelStats(encoded, table, "c10v_valid_200");
  assert.is(labelled.archs.length + labelled.missingTargets, 39);
  assert.throws(() => labelStats(encoded, table, "c10_nope"), (e: unknown) => e instanceof InputError && /--target c10_nope/.test((e as Error).message));
  assert.throws(() => encodeStats({ archs, nodes: { grad_norm: nodes.grad_norm } }, parzcEncoding(nb201)), (e: unknown) => e instanceof InputError && /snip, synflow/.test((e as Error).message));
});

test("training fits the magnitude standardisation on the training set; model files keep it", async () => {
  const encoding = parzcEncoding(nb201, true);
  const labelled = labelStats(encodeStats({ archs, nodes }, encoding), nb201.table(), "c10v_valid_200");
  const config = defaultConfig("mabn", { inputSize: 298, sequence: 32, segment: 8, width: 8, depth: 1 });
  const { model } = await train(config, labelled, { epochs: 1, encoding });
  const scale = model.inputScale!;
  assert.is(scale.from, 294);
  assert.is(scale.mean.length, 4);
  const synflowLogs = labelled.features.map((f) => f[296]);
  assert.ok(Math.abs(scale.mean[2] - synflowLogs.reduce((a, v) => a + v, 0) / synflowLogs.length) < 1e-4);
  const document = modelDocument(model);
  const loaded = await parseModel(JSON.stringify(document), "m.json");
  assert.equal(loaded.inputScale, scale);
  assert.equal(Array.from(predict(loaded, labelled).mean), Array.from(predict(model, labelled).mean));
  // An extreme magnitude is clamped to ±INPUT_CLAMP standard deviations, not fed raw.
  const wild = { archs: labelled.archs.slice(0, 1), features: [labelled.features[0].slice()] };
  wild.features[0][296] = 1e9;
  const huge = { archs: wild.archs, features: [wild.features[0].slice()] };
  huge.features[0][296] = scale.mean[2] + INPUT_CLAMP * scale.std[2] * 10;
  assert.equal(Array.from(predict(model, wild).mean), Array.from(predict(model, huge).mean));
  const { inputScale: _, ...withoutScale } = document;
  try {
    await parseModel(JSON.stringify(withoutScale), "m.json");
    assert.unreachable("a file without inputScale must be refused");
  } catch (error) {
    assert.instance(error, InputError);
    assert.match((error as Error).message, /inputScale/);
  }
});

test.run();
