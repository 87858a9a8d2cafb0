// Whole-model checks: every variant's parameter gradients against finite differences (float64,
// ε held fixed), f32 against f64 on the same weights, and predict's uncertainty.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { batchTensors } from "../../src/model/batch.js";
import { defaultConfig, type ModelConfig } from "../../src/model/config.js";
import { syntheticDataset } from "../../src/model/dataset.js";
import { predict } from "../../src/model/predict.js";
import { createPredictor, type Predictor } from "../../src/model/predictor.js";
import { Random } from "../../src/util/random.js";
import { assertClose } from "./helpers.js";

const data = syntheticDataset(6, { seed: 4, proxies: 2, maxNodes: 12 });
const tiny = { inputSize: 24, sequence: 16, segment: 4, width: 8, depth: 2, tokenExpansion: 2, channelExpansion: 2 };
const encoder = { width: 4, layers: 2, hidden: 6 };

const variants: [string, ModelConfig][] = [
  ["mabn, token mixing", defaultConfig("mabn", { ...tiny, rhoInit: -1, archEncoder: null })],
  ["mabn, channel-only (authors')", defaultConfig("mabn", { ...tiny, mixing: "channel", rhoInit: -1, archEncoder: null })],
  ["mabn + architecture encoder", defaultConfig("mabn", { ...tiny, rhoInit: -1, archEncoder: encoder })],
  ["mixer without Bayesian layers", defaultConfig("mixer", tiny)],
  ["mlp", defaultConfig("mlp", { ...tiny, width: 10, depth: 2 })],
  ["bayes-mlp", defaultConfig("bayes-mlp", { ...tiny, width: 10, rhoInit: -1 })],
  ["mabn + encoder, 3-member ensemble", defaultConfig("mabn", { ...tiny, rhoInit: -1, archEncoder: encoder, members: 3 })],
];

function outputs(model: Predictor, indices: number[]): Float64Array {
  const { rt, net } = model;
  return rt.engine.withPass(() => Float64Array.from(rt.engine.read(net.forward(rt, batchTensors(rt, net, data, indices)))));
}

for (const [name, config] of variants) {
  test(`${name}: every parameter's gradient matches finite differences (float64, ε fixed)`, async () => {
    const model = await createPredictor(config, { seed: 1, precision: "f64" });
    const { rt, net } = model;
    const { engine } = rt;
    net.resample(new Random(2));
    const indices = [0, 1, 2, 3, 4, 5];
    const weights = Float64Array.from({ length: 6 }, (_, i) => Math.sin(i + 1));
    const loss = (): number => outputs(model, indices).reduce((a, v, i) => a + v * weights[i], 0);
    net.params.attachGradients();
    engine.withPass(() => engine.backwardFrom(net.forward(rt, batchTensors(rt, net, data, indices)), weights));
    const grads = Float64Array.from(engine.values(net.params.gradsPtr, net.params.size));
    net.params.detachGradients();
    const random = new Random(9);
    for (const p of net.params.list) {
      const offset = (p.ptr - net.params.valuesPtr) / 8;
      for (let s = 0; s < 3; s++) {
        const i = random.int(p.size);
        const values = () => net.params.values();
        const original = values()[offset + i];
        values()[offset + i] = original + 1e-6;
        const plus = loss();
        values()[offset + i] = original - 1e-6;
        const minus = loss();
        values()[offset + i] = original;
        const numeric = (plus - minus) / 2e-6;
        const analytic = grads[offset + i];
        assert.ok(Math.abs(analytic - numeric) <= 1e-5 * Math.max(Math.abs(numeric), 1e-3),
          `${p.name}[${i}]: backward ${analytic}, finite differences ${numeric}`);
      }
    }
  });
}

test("float32 and float64 engines give the same outputs from the same seed", async () => {
  for (const [name, config] of variants) {
    const f32 = await createPredictor(config, { seed: 3 });
    const f64 = await createPredictor(config, { seed: 3, precision: "f64" });
    f32.net.resample(new Random(5));
    f64.net.resample(new Random(5));
    assertClose(name, outputs(f32, [0, 1, 2, 3]), outputs(f64, [0, 1, 2, 3]), 2e-4);
  }
});

test("predict: std > 0 for Bayesian models, 0 when ρ → −∞, and 0 for deterministic ones", async () => {
  const model = await createPredictor(defaultConfig("mabn", { ...tiny, rhoInit: -2 }), { seed: 1 });
  const noisy = predict(model, data, { samples: 8, seed: 1 });
  assert.is(noisy.samples, 8);
  assert.ok(noisy.std.every((s) => s > 0), "every architecture has spread");
  const again = predict(model, data, { samples: 8, seed: 1 });
  assert.equal(Array.from(again.mean), Array.from(noisy.mean), "same seed, same predictions");
  for (const p of model.net.params.list) if (p.name.endsWith(".rho")) model.rt.engine.view(p).fill(-1e4);
  const sharp = predict(model, data, { samples: 8, seed: 1 });
  assert.ok(sharp.std.every((s) => s === 0), `std ${Array.from(sharp.std)}`);
  const mixer = await createPredictor(defaultConfig("mixer", tiny), { seed: 1 });
  const plain = predict(mixer, data, { samples: 8 });
  assert.is(plain.samples, 1);
  assert.ok(plain.std.every((s) => s === 0));
});

test("an ensemble scores the mean of its members; member 0 keeps the single network's names and weights", async () => {
  const single = await createPredictor(defaultConfig("mabn", { ...tiny, archEncoder: encoder }), { seed: 7 });
  const ensemble = await createPredictor(defaultConfig("mabn", { ...tiny, archEncoder: encoder, members: 3 }), { seed: 7 });
  const names = single.net.params.list.map((p) => p.name);
  assert.ok(names.every((name) => !name.startsWith("members.")));
  assert.equal(ensemble.net.params.list.map((p) => p.name), [...names, ...names.map((n) => `members.1.${n}`), ...names.map((n) => `members.2.${n}`)]);
  for (const model of [single, ensemble]) model.net.resample(new Random(5));
  const { rt, net } = ensemble;
  const [members, mean] = rt.engine.withPass(() => {
    const batch = batchTensors(rt, net, data, [0, 1, 2, 3]);
    return [net.forwardMembers(rt, batch).map((t) => Float64Array.from(rt.engine.read(t))), Float64Array.from(rt.engine.read(net.forward(rt, batch)))];
  });
  assert.equal(Array.from(members[0]), Array.from(outputs(single, [0, 1, 2, 3])), "member 0 is the single network");
  assert.ok(Math.abs(members[1][0] - members[0][0]) > 1e-6, "members start from different weights");
  assertClose("mean of members", mean, members[0].map((_, i) => (members[0][i] + members[1][i] + members[2][i]) / 3), 1e-6);
});

test("predict masks and counts NaN/Inf features", async () => {
  const model = await createPredictor(defaultConfig("mixer", tiny), { seed: 1 });
  const bad = { archs: data.archs.slice(0, 2), features: [data.features[0].slice(), data.features[1]] };
  bad.features[0][3] = NaN;
  bad.features[0][5] = Infinity;
  const result = predict(model, bad);
  assert.is(result.masked, 2);
  assert.ok(result.mean.every(Number.isFinite));
  const zeroed = { archs: bad.archs, features: [data.features[0].slice(), data.features[1]] };
  zeroed.features[0][3] = 0;
  zeroed.features[0][5] = 0;
  assert.equal(Array.from(predict(model, zeroed).mean), Array.from(result.mean));
});

test.run();
