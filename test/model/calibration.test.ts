// The isotonic calibration from ParZC's score to a predicted accuracy: pool-adjacent-violators on
// known data and against the closed form, the interpolation and clipping, the std mapped through
// it, and its place in training and in the model file (an old file without it still loads).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { calibrate, calibrationNote, fitCalibration, formatPredicted, isotonicKnots, parseCalibration, predictedValue } from "../../src/model/calibration.js";
import { defaultConfig } from "../../src/model/config.js";
import { syntheticDataset } from "../../src/model/dataset.js";
import { modelDocument, parseModel } from "../../src/model/modelFile.js";
import { predict } from "../../src/model/predict.js";
import { train } from "../../src/model/train.js";
import { InputError } from "../../src/util/errors.js";
import { Random } from "../../src/util/random.js";

const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-12, `${what}: ${a}, expected ${b}`);

test("PAV pools each violating run to its mean and keeps every block's first and last score as knots", () => {
  // scikit-learn's IsotonicRegression().fit([1..6], y) gives 1, 2.5, 2.5, 3.75, 3.75, 5.
  const knots = isotonicKnots([1, 2, 3, 4, 5, 6], [1, 3, 2, 4, 3.5, 5]);
  assert.equal(knots, { x: [1, 2, 3, 4, 5, 6], y: [1, 2.5, 2.5, 3.75, 3.75, 5] });
  assert.equal(isotonicKnots([3, 1, 2], [30, 10, 20]), { x: [1, 2, 3], y: [10, 20, 30] }, "input order does not matter");
  assert.equal(isotonicKnots([1, 2, 3], [3, 2, 1]), { x: [1, 3], y: [2, 2] }, "a decreasing run pools into one block");
  const tied = isotonicKnots([1, 1, 2], [0, 2, 0.5]);
  assert.equal(tied.x, [1, 2], "equal scores share one value");
  close(tied.y[0], 2.5 / 3, "tied block");
});

test("PAV equals the closed form max_{j≤i} min_{k≥i} mean(y_j..y_k) on random data, and is monotone", () => {
  const random = new Random(7);
  for (let trial = 0; trial < 20; trial++) {
    const y = Array.from({ length: 9 }, () => random.symmetric(1));
    const x = y.map((_, i) => i);
    const mean = (j: number, k: number) => y.slice(j, k + 1).reduce((s, v) => s + v, 0) / (k - j + 1);
    const knots = isotonicKnots(x, y);
    for (let i = 0; i < y.length; i++) {
      let best = -Infinity;
      for (let j = 0; j <= i; j++) {
        let low = Infinity;
        for (let k = i; k < y.length; k++) low = Math.min(low, mean(j, k));
        best = Math.max(best, low);
      }
      close(calibrate({ column: "", ...knots, n: y.length }, i), best, `trial ${trial}, point ${i}`);
    }
    assert.ok(knots.y.every((v, i) => i === 0 || v >= knots.y[i - 1]) && knots.x.every((v, i) => i === 0 || v > knots.x[i - 1]));
  }
});

test("calibrate interpolates between knots, is flat inside a block and clips outside the training scores", () => {
  const c = fitCalibration("c10v_valid_200", [1, 2, 3, 4, 5, 6], [1, 3, 2, 4, 3.5, 5]);
  assert.is(c.n, 6);
  close(calibrate(c, 1.5), 1.75, "between blocks");
  close(calibrate(c, 2.5), 2.5, "inside a block");
  assert.is(calibrate(c, -10), 1);
  assert.is(calibrate(c, 10), 5);
  assert.ok(Number.isNaN(calibrate(c, NaN)));
  const scores = Array.from({ length: 101 }, (_, i) => i * 0.07);
  assert.ok(scores.every((s, i) => i === 0 || calibrate(c, s) >= calibrate(c, scores[i - 1])), "monotone");
});

test("the std maps as half the width of calibrate(mean ± std): not 0 where the map is flat, 0 beyond the training scores", () => {
  const c = fitCalibration("c10v_valid_200", [1, 2, 3, 4, 5, 6], [1, 3, 2, 4, 3.5, 5]);
  // At 2.5 the map is flat (local slope 0), yet ±1 reaches 1.5 → 1.75 and 3.5 → 3.125.
  assert.equal(predictedValue(c, 2.5, 1), { value: 2.5, std: (3.125 - 1.75) / 2 });
  // Where it is linear across the interval, the half-width is slope × std.
  close(predictedValue(c, 1.5, 0.25).std, 1.5 * 0.25, "linear stretch");
  assert.equal(predictedValue(c, 7, 0.5), { value: 5, std: 0, clipped: "above" });
  assert.equal(predictedValue(c, 0, 0.5), { value: 1, std: 0, clipped: "below" });
  assert.is(formatPredicted(predictedValue(c, 7, 0.5)), "≥5.00 ± 0.00");
  assert.is(formatPredicted(predictedValue(c, 0, 0.5)), "≤1.00 ± 0.00");
  assert.is(formatPredicted(predictedValue(c, 2.5, 1)), "2.50 ± 0.69");
  assert.match(calibrationNote(c), /isotonic\) calibration fitted on its 6 training architectures/);
  assert.match(calibrationNote(null), /raw scores.*Retrain with `parzc train`/);
});

test("a model file's calibration is checked: bad knots are refused with the fix, a good one round-trips", () => {
  const good = { column: "c10v_valid_200", x: [0, 1], y: [90, 91], n: 5 };
  assert.equal(parseCalibration(good, "m.json"), good);
  for (const bad of [null, { ...good, x: [1, 0] }, { ...good, y: [91, 90] }, { ...good, y: [90] }, { ...good, x: [0, NaN] }, { ...good, n: 0 }, { ...good, column: 3 }, { ...good, x: [] }]) {
    try {
      parseCalibration(bad, "m.json");
      assert.unreachable(`accepted ${JSON.stringify(bad)}`);
    } catch (error) {
      assert.instance(error, InputError);
      assert.match((error as Error).message, /^m\.json: "calibration" must hold .* retrain the model with `parzc train`/);
    }
  }
});

test("training fits the calibration on the training set's own predictions; the model file keeps it, and a file without it loads with none", async () => {
  const data = syntheticDataset(40, { seed: 8 });
  const config = defaultConfig("mabn", { sequence: 32, segment: 8, width: 8, depth: 1, archEncoder: { width: 4, layers: 1, hidden: 8 } });
  const { model } = await train(config, data, { epochs: 3, seed: 3, targetColumn: "c10v_valid_200" });
  const c = model.calibration!;
  assert.is(c.column, "c10v_valid_200");
  assert.is(c.n, 40);
  const { mean } = predict(model, data, { seed: 3 });
  assert.equal(c, fitCalibration("c10v_valid_200", mean, data.targets), "the training predictions with the run's seed against the training targets");
  assert.ok(c.y[0] >= Math.min(...data.targets) && c.y.at(-1)! <= Math.max(...data.targets), "in the target's units");

  const document = modelDocument(model);
  assert.equal((await parseModel(JSON.stringify(document), "new.json")).calibration, c);
  delete document.calibration;
  assert.is((await parseModel(JSON.stringify(document), "old.json")).calibration, null, "a file from before calibrations");
  try {
    await parseModel(JSON.stringify({ ...document, calibration: { ...c, x: [0, 1], y: [91, 90] } }), "bad.json");
    assert.unreachable("a decreasing calibration was accepted");
  } catch (error) {
    assert.instance(error, InputError);
    assert.match((error as Error).message, /bad\.json: "calibration"/);
  }
});

test.run();
