// The CIFAR-10 reader on the training slice the proxies draw from (the project ships it as
// data/cifar10/data_batch_1_first1000.bin.gz; test/data/bundledData.test.ts checks its sha256
// against the one shared/data/README.md documents). The test slice, which no command reads, is
// not shipped, so these checks use the training slice's official first labels and pixels.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { NORMALISATIONS, cifarBatch, readCifar10 } from "../../src/data/cifar10.js";
import { dataFile, resolveDataRoot } from "../../src/data/paths.js";
import { throwsInputError } from "../helpers/inputError.js";

const trainFile = dataFile(resolveDataRoot(), "cifar10", "data_batch_1_first1000.bin");
const trainSet = readCifar10(trainFile);
const scratch = mkdtempSync(join(tmpdir(), "parzc-cifar-"));

test("the training slice holds 1,000 images with the official first labels", () => {
  assert.is(trainSet.count, 1000);
  assert.is(trainSet.images.length, 1000 * 3072);
  assert.equal([...trainSet.labels.subarray(0, 10)], [6, 9, 9, 4, 1, 1, 2, 7, 8, 3]);
});

test("the first R pixels are those of the official frog", () => {
  assert.equal([...trainSet.images.subarray(0, 6)], [59, 43, 50, 68, 98, 119]);
});

test("a gzipped file reads as the plain one, by its name or by the name without .gz", () => {
  const records = new Uint8Array(3073 * 2);
  records.set([7, 200, 100], 0);
  records[3073] = 3;
  writeFileSync(join(scratch, "two.bin"), records);
  writeFileSync(join(scratch, "two-gz.bin.gz"), gzipSync(records));
  const plain = readCifar10(join(scratch, "two.bin"));
  for (const path of [join(scratch, "two-gz.bin.gz"), join(scratch, "two-gz.bin")]) {
    const zipped = readCifar10(path);
    assert.equal([...zipped.labels], [...plain.labels]);
    assert.equal([...zipped.images], [...plain.images]);
  }
  throwsInputError(() => readCifar10(join(scratch, "absent.bin")), join(scratch, "absent.bin"), "does not exist");
});

test("a batch is NCHW in index order, normalised as (v/255 − mean)/std", () => {
  const batch = cifarBatch(trainSet, [1, 0], "nb201");
  assert.is(batch.x.length, 2 * 3 * 32 * 32);
  assert.equal([...batch.labels], [9, 6]);
  const { mean, std } = NORMALISATIONS.nb201;
  for (const [n, index] of [[0, 1], [1, 0]]) {
    for (let c = 0; c < 3; c++) {
      const at = n * 3072 + c * 1024 + 37;
      const expected = (trainSet.images[index * 3072 + c * 1024 + 37] / 255 - mean[c]) / std[c];
      assert.ok(Math.abs(batch.x[at] - expected) < 1e-6);
    }
  }
});

test("values round as torchvision's float32 ToTensor + Normalize (torch 1.13 printed them)", () => {
  // Training image 767's first R byte is 158, as test image 0's, on which torch printed these values.
  assert.is(trainSet.images[767 * 3072], 158);
  assert.is(cifarBatch(trainSet, [767]).x[0], 0.23921573162078857); // parzc: mean 0.5, std 0.5
  assert.is(cifarBatch(trainSet, [767], "nb201").x[0], 0.5190601944923401);
  assert.is(cifarBatch(trainSet, [767], "none").x[0], Math.fround(158 / 255));
  assert.is(cifarBatch(trainSet, [767], { mean: [0, 0, 0], std: [1 / 255, 1, 1] }).x[0], 158);
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
  throwsInputError(() => cifarBatch(trainSet, [1000]), "index 1000", "0..999");
  throwsInputError(() => cifarBatch(trainSet, [0], "imagenet" as "none"), '"imagenet"', "parzc, nb201, none");
});

test.after(() => rmSync(scratch, { recursive: true }));

test.run();
