// Model files: a round trip gives the same predictions, and damaged, foreign or mismatched files
// are refused with messages that say what is wrong.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { defaultConfig } from "../../src/model/config.js";
import { syntheticDataset } from "../../src/model/dataset.js";
import { MODEL_VERSION, modelDocument, parseModel, readModel, writeModel } from "../../src/model/modelFile.js";
import { predict } from "../../src/model/predict.js";
import { train } from "../../src/model/train.js";
import { InputError } from "../../src/util/errors.js";

const folder = mkdtempSync(join(tmpdir(), "parzc-model-"));
const data = syntheticDataset(40, { seed: 8 });
const config = defaultConfig("mabn", { sequence: 32, segment: 8, width: 8, depth: 1, archEncoder: { width: 4, layers: 1, hidden: 8 } });

async function refused(text: string, ...fragments: string[]): Promise<void> {
  try {
    await parseModel(text, "bad.json");
  } catch (error) {
    assert.instance(error, InputError);
    for (const fragment of fragments) assert.ok((error as Error).message.includes(fragment), `${(error as Error).message} should mention ${fragment}`);
    return;
  }
  assert.unreachable("expected an InputError");
}

test("a written model reads back with the same config, scale, provenance and predictions", async () => {
  const { model } = await train(config, data, { epochs: 2, seed: 3, targetColumn: "c10v_valid_200" });
  const path = join(folder, "model.json");
  writeModel(path, model);
  const loaded = await readModel(path);
  assert.equal(loaded.config, model.config);
  assert.equal(loaded.targetScale, model.targetScale);
  assert.equal(loaded.encoding, model.encoding);
  assert.is(loaded.provenance.seed, 3);
  assert.is(loaded.provenance.loss, "dk");
  const before = predict(model, data, { seed: 4 }), after = predict(loaded, data, { seed: 4 });
  assert.equal(Array.from(after.mean), Array.from(before.mean));
  assert.equal(Array.from(after.std), Array.from(before.std));
  const document = JSON.parse(readFileSync(path, "utf8"));
  assert.is(document.format, "parzc-model");
  assert.is(document.version, MODEL_VERSION);
});

test("an ensemble round-trips; a file from before ensembles (no members in its config) reads as one network", async () => {
  const { model } = await train({ ...config, members: 2 }, data, { epochs: 1, seed: 2 });
  const loaded = await parseModel(JSON.stringify(modelDocument(model)), "ensemble.json");
  assert.is(loaded.config.members, 2);
  assert.equal(Array.from(predict(loaded, data, { seed: 4 }).mean), Array.from(predict(model, data, { seed: 4 }).mean));
  const { model: single } = await train(config, data, { epochs: 1, seed: 2 });
  const old = modelDocument(single) as { config: Record<string, unknown> };
  delete old.config.members;
  const read = await parseModel(JSON.stringify(old), "old.json");
  assert.is(read.config.members, 1);
  assert.equal(Array.from(predict(read, data, { seed: 4 }).mean), Array.from(predict(single, data, { seed: 4 }).mean));
  await refused(JSON.stringify({ ...old, config: { ...old.config, members: 0 } }), "members", "positive integer");
});

test("foreign, other-version and inconsistent files are refused by name", async () => {
  const { model } = await train(config, data, { epochs: 1 });
  const good = modelDocument(model);
  const variant = (change: (d: any) => void): string => {
    const copy = JSON.parse(JSON.stringify(good));
    change(copy);
    return JSON.stringify(copy);
  };
  await refused("{not json", "not JSON");
  await refused(JSON.stringify({ hello: 1 }), "not a parzc model");
  await refused(variant((d) => (d.version = 2)), "format version 2", `reads version ${MODEL_VERSION}`, "Retrain");
  await refused(variant((d) => (d.config.kind = "transformer")), "kind", "transformer");
  await refused(variant((d) => (d.config.width = 9)), "has shape [8, 8]", "[9, 8]");
  await refused(variant((d) => (d.parameters = d.parameters.slice(1))), "is missing");
  await refused(variant((d) => (d.parameters[0].data = d.parameters[0].data.slice(0, 8))), "holds", "values");
  await refused(variant((d) => d.parameters.push({ name: "stray", shape: [1], data: "AAAAAA==" })), '"stray"');
  await refused(variant((d) => (d.target.std = null)), '"target"');
  await refused(variant((d) => (d.encoding.maxNodes = 97)), '"encoding"');
  try {
    await readModel(join(folder, "absent.json"));
    assert.unreachable("missing file");
  } catch (error) {
    assert.instance(error, InputError);
  }
});

test.run();
