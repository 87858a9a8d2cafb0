import { test } from "uvu";
import * as assert from "uvu/assert";
import { defaultConfig } from "../../src/model/config.js";
import { syntheticDataset } from "../../src/model/dataset.js";
import { predict } from "../../src/model/predict.js";
import { predictParallel } from "../../src/model/predictParallel.js";
import { createPredictor } from "../../src/model/predictor.js";

test("predictParallel on two worker threads equals predict on this one, exactly", async () => {
  const data = syntheticDataset(200, { seed: 6 });
  data.features[5] = data.features[5].slice();
  data.features[5][0] = NaN;
  const model = await createPredictor(defaultConfig("mabn", { sequence: 32, segment: 8, width: 8, depth: 1, rhoInit: -2 }), { seed: 2 });
  const single = predict(model, data, { samples: 4, seed: 9 });
  const parallel = await predictParallel(model, data, { samples: 4, seed: 9, workers: 2 });
  assert.equal(Array.from(parallel.mean), Array.from(single.mean));
  assert.equal(Array.from(parallel.std), Array.from(single.std));
  assert.is(parallel.masked, 1);
});

test("in more chunks than threads it is still exact, and reports progress as chunks finish", async () => {
  const data = syntheticDataset(1000, { seed: 7 });
  const model = await createPredictor(defaultConfig("mabn", { sequence: 32, segment: 8, width: 8, depth: 1, rhoInit: -2 }), { seed: 3 });
  const reports: number[] = [];
  const parallel = await predictParallel(model, data, { samples: 2, seed: 1, workers: 2, onProgress: (done, total) => (assert.is(total, 1000), reports.push(done)) });
  assert.equal(Array.from(parallel.mean), Array.from(predict(model, data, { samples: 2, seed: 1 }).mean));
  assert.is(reports.length, 4, "1,000 archs in chunks of at least 256");
  assert.equal(reports, [...reports].sort((a, b) => a - b));
  assert.is(reports[reports.length - 1], 1000);
});

test.run();
