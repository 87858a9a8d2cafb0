// Our engine against PyTorch 1.13 (fixture from tools/golden_nb201.py): the same weights
// (rebuilt from the shared seed), the same 8 CIFAR-10 images, then logits, loss, every
// parameter gradient and the BN running statistics must agree to 1e-4 relative.
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { cifarBatch, readCifar10 } from "../../src/data/cifar10.js";
import { dataFile, resolveDataRoot } from "../../src/data/paths.js";
import { Engine } from "../../src/engine/engine.js";
import { lossPass } from "../../src/engine/lossPass.js";
import { parseArch } from "../../src/spaces/nb201/codec.js";
import { Nb201Network } from "../../src/spaces/nb201/network.js";

interface GoldenNet {
  arch: string;
  C: number;
  N: number;
  classes: number;
  logits: number[][];
  loss: number;
  params: { name: string; shape: number[]; offset: number; size: number }[];
  param_sum: number[];
  bn_running_sums: { module: string; mean_sum: number; var_sum: number }[];
}

const fixtureDir = new URL("../fixtures/", import.meta.url);
const golden = JSON.parse(readFileSync(new URL("golden_nb201.json", fixtureDir), "utf8")) as { seed: number; nets: GoldenNet[] };
const gradients = new Float32Array(readFileSync(new URL("golden_nb201.bin", fixtureDir)).buffer.slice(0));
const TOLERANCE = 1e-4;

const maxAbs = (values: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
};
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};
const sum = (values: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
};

const cifar = readCifar10(dataFile(resolveDataRoot(), "cifar10", "data_batch_1_first1000.bin"));
const images = cifarBatch(cifar, [0, 1, 2, 3, 4, 5, 6, 7], "parzc");
const batch = { x: images.x, shape: [8, 3, 32, 32] as const, labels: images.labels };
const enginePromise = Engine.create();

for (const ref of golden.nets) {
  test(`PyTorch golden: ${ref.arch} (C=${ref.C}, N=${ref.N})`, async () => {
    const engine = await enginePromise;
    engine.resetAll();
    const net = new Nb201Network(parseArch(ref.arch).ops, { channels: ref.C, cellsPerStage: ref.N, classes: ref.classes });
    net.allocate(engine, golden.seed);
    const params = net.parameters();
    assert.equal(params.map((p) => [...p.shape]), ref.params.map((p) => p.shape), "parameter order and shapes");

    // Same weights: the seeded stream must rebuild PyTorch's tensors.
    params.forEach((p, i) => {
      const ours = sum(engine.read(p));
      assert.ok(Math.abs(ours - ref.param_sum[i]) <= 1e-9 * (1 + Math.abs(ref.param_sum[i])), `${ref.params[i].name}: weight sum ${ours} vs ${ref.param_sum[i]}`);
    });

    const { logits, loss, grads } = lossPass(engine, net, batch, (pass) => ({
      logits: engine.read(pass.logits),
      loss: pass.loss,
      grads: params.map((p) => engine.readGrad(p)),
    }));
    const refLogits = ref.logits.flat();
    assert.ok(maxAbsDiff(logits, refLogits) <= TOLERANCE * maxAbs(refLogits), `logits differ by ${maxAbsDiff(logits, refLogits)}`);
    assert.ok(Math.abs(loss - ref.loss) <= TOLERANCE * ref.loss, `loss ${loss} vs ${ref.loss}`);

    // Gradients that are zero in exact arithmetic hold float noise in both; scale by the
    // net's largest gradient so noise cannot fail the check and a real error cannot pass.
    const refGrads = ref.params.map((p) => gradients.subarray(p.offset, p.offset + p.size));
    const netScale = Math.max(...refGrads.map(maxAbs));
    grads.forEach((g, i) => {
      const scale = Math.max(maxAbs(refGrads[i]), 1e-3 * netScale);
      const err = maxAbsDiff(g, refGrads[i]) / scale;
      assert.ok(err <= TOLERANCE, `${ref.params[i].name}: gradient off by ${err.toExponential(2)} of its scale`);
    });

    const bns = net.batchNorms();
    assert.is(bns.length, ref.bn_running_sums.length, "batch-norm count");
    bns.forEach((bn, i) => {
      const { module, mean_sum, var_sum } = ref.bn_running_sums[i];
      assert.ok(Math.abs(sum(bn.runningMean) - mean_sum) <= 1e-4 * (1 + Math.abs(mean_sum)), `${module} running_mean sum`);
      assert.ok(Math.abs(sum(bn.runningVar) - var_sum) <= 1e-4 * var_sum, `${module} running_var sum`);
    });
  });
}

test.run();
