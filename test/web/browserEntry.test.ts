// The browser build's pieces, checked in Node: inputs built from raw CIFAR bytes equal the Node
// path's, the browser's base64 Buffer matches Node's on model parameters, and the bundler refuses
// a Node-only module in the browser graph, naming it.
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Buffer as BrowserBuffer } from "../../src/browser/base64Buffer.js";
import { parseCifar10 } from "../../src/data/cifar10Format.js";
import { readDataBytes } from "../../src/data/dataBytes.js";
import { dataFile, resolveDataRoot } from "../../src/data/paths.js";
import { proxyInputsFromImages } from "../../src/proxies/imageInputs.js";
import { proxyInputs } from "../../src/proxies/inputs.js";
import { Random } from "../../src/util/random.js";
import { InputError } from "../../src/util/errors.js";
import { buildWeb } from "../../tools/build-web.js";

test("proxy inputs from CIFAR bytes equal the Node path's for the same seed and batch", () => {
  const file = dataFile(resolveDataRoot(), "cifar10", "data_batch_1_first1000.bin");
  const fromBytes = proxyInputsFromImages(parseCifar10(readDataBytes(file), "first1000.bin"), { batchSize: 16, seed: 3 });
  const fromNode = proxyInputs({ batchSize: 16, seed: 3 });
  for (const key of ["batch", "secondBatch"] as const) {
    assert.equal(Array.from(fromBytes[key].labels), Array.from(fromNode[key].labels));
    assert.ok(fromBytes[key].x.every((v, i) => v === fromNode[key].x[i]), `${key} pixels differ`);
  }
  assert.throws(() => parseCifar10(new Uint8Array(3073 + 1), "odd.bin"), (e: unknown) => e instanceof InputError && /odd\.bin is 3074 bytes/.test((e as Error).message));
});

test("the browser's base64 Buffer encodes and decodes float32 parameters as Node's does", () => {
  const random = new Random(4);
  const values = Float32Array.from({ length: 37 }, () => random.symmetric(100));
  const node = Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString("base64");
  assert.is(BrowserBuffer.from(values.buffer, values.byteOffset, values.byteLength).toString("base64"), node);
  assert.equal(Array.from(BrowserBuffer.from(node, "base64")), Array.from(Buffer.from(node, "base64")));
});

test("a Node-only module reached from a browser entry fails the build, naming the import", async () => {
  try {
    await buildWeb({ outdir: join("test", "out", "web-refused"), entries: { refused: "src/pipeline/statsRun.ts" } });
  } catch (error) {
    const texts = ((error as { errors?: { text: string }[] }).errors ?? []).map((e) => e.text);
    assert.ok(texts.some((text) => /^src\/pipeline\/statsRun\.ts imports node:os, which a browser lacks/.test(text)), texts.join("\n"));
    assert.ok(texts.some((text) => /piscina.* imports node:worker_threads/.test(text)), "piscina is refused too");
    return;
  }
  assert.unreachable("the build should fail");
});

test.run();
