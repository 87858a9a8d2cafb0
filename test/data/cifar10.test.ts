import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { NORMALISATIONS, cifarBatch, readCifar10 } from "../../src/data/cifar10.js";
import { dataFile, resolveDataRoot } from "../../src/data/paths.js";
import { throwsInputError } from "../helpers/inputError.js";

const root = resolveDataRoot();
const testSet = readCifar10(dataFile(root, "cifar10", "test_batch_first1000.bin"));
const trainSet = readCifar10(dataFile(root, "cifar10", "data_batch_1_first1000.bin"));
const scratch = mkdtempSync(join(tmpdir(), "parzc-cifar-"));

test("both slices hold 1,000 images with the official first labels", () => {
  assert.is(testSet.count, 1000);
  assert.is(trainSet.count, 1000);
  assert.is(testSet.images.length, 1000 * 3072);
  assert.equal([...testSet.labels.subarray(0, 10)], [3, 8, 8, 0, 6, 6, 1, 6, 3, 1]);
  assert.equal([...trainSet.labels.subarray(0, 10)], [6, 9, 9, 4, 1, 1, 2, 7, 8, 3]);
});

test("the first R pixels are those of the official cat (test) and frog (train)", () => {
  assert.equal([...testSet.images.subarray(0, 6)], [158, 159, 165, 166, 160, 156]);
  assert.equal([...trainSet.images.subarray(0, 6)], [59, 43, 50, 68, 98, 119]);
});

test("the test slice has the documented label histogram", () => {
  const counts = Array(10).fill(0);
  for (const label of testSet.labels) counts[label]++;
  assert.equal(counts, [103, 89, 100, 103, 90, 86, 112, 102, 106, 109]);
});

test("a batch is NCHW in index order, normalised as (v/255 − mean)/std", () => {
  const batch = cifarBatch(testSet, [1, 0], "nb201");
  assert.is(batch.x.length, 2 * 3 * 32 * 32);
  assert.equal([...batch.labels], [8, 3]);
  const { mean, std } = NORMALISATIONS.nb201;
  for (const [n, index] of [[0, 1], [1, 0]]) {
    for (let c = 0; c < 3; c++) {
      const at = n * 3072 + c * 1024 + 37;
      const expected = (testSet.images[index * 3072 + c * 1024 + 37] / 255 - mean[c]) / std[c];
      assert.ok(Math.abs(batch.x[at] - expected) < 1e-6);
    }
  }
});

test("values round as torchvision's float32 ToTensor + Normalize (torch 1.13 printed them)", () => {
  // Test image 0's first R byte is 158.
  assert.is(cifarBatch(testSet, [0]).x[0], 0.23921573162078857); // parzc: mean 0.5, std 0.5
  assert.is(cifarBatch(testSet, [0], "nb201").x[0], 0.5190601944923401);
  assert.is(cifarBatch(testSet, [0], "none").x[0], Math.fround(158 / 255));
  assert.is(cifarBatch(testSet, [0], { mean: [0, 0, 0], std: [1 / 255, 1, 1] }).x[0], 158);
});

test("a file that is not whole records is refused with its size", () => {
  const path = join(scratch, "truncated.bin");
  writeFileSync(path, new Uint8Array(3073 * 2 + 5));
  throwsInputError(() => readCifar10(path), path, "6151 bytes", "multiple of 3073");
});

test("a label above 9 is refused with the record and the label", () => {
  const path = join(scratch, "label12.bin");
  const bytes = new Uint8Array(3073 * 2);
  bytes[3073] = 12;
  writeFileSync(path, bytes);
  throwsInputError(() => readCifar10(path), path, "record 1 has label 12", "0..9");
});

test("bad image indices and normalisation names are refused", () => {
  throwsInputError(() => cifarBatch(testSet, [1000]), "index 1000", "0..999");
  throwsInputError(() => cifarBatch(testSet, [0], "imagenet" as "none"), '"imagenet"', "parzc, nb201, none");
});

test.after(() => rmSync(scratch, { recursive: true }));

test.run();
