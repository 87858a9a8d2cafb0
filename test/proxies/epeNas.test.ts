// epe_nas against PyTorch (tools/proxies_torch.py `epe_nas`, NASLib's formula) on the fixture's tiny
// networks, the many-class branch on hand-made rows, and NaN for a network that ignores its input.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { epeScore } from "../../src/proxies/definitions/epeNas.js";
import { getProxy } from "../../src/proxies/registry.js";
import { golden, goldenContext, goldenScore, netsWith } from "../helpers/goldenProxies.js";

const epeNas = getProxy("epe_nas");

for (const net of netsWith("epe_nas")) {
  test(`epe_nas matches PyTorch within 1e-4 on ${net.arch} (C=${net.C}, N=${net.N})`, async () => {
    const { score } = await epeNas.compute(await goldenContext(net));
    const want = goldenScore(net, "epe_nas");
    assert.ok(Math.abs(score - want) <= 1e-4 * Math.abs(want), `score ${score}, PyTorch ${want}`);
  });
}

test("epe_nas sums |s_c| up to 100 classes, a one-sample class adding ln(1 + k)", () => {
  // Class 0: rows perfectly correlated (R = all ones); class 1: a single sample.
  const rows = Float64Array.from([1, 2, 3, 2, 4, 6, 5, 1, 0]);
  const s0 = 4 * Math.log(1 + 1e-5);
  assert.ok(Math.abs(epeScore(rows, 3, [0, 0, 1], 10) - (Math.abs(s0) + Math.abs(Math.log(1 + 1e-5)))) < 1e-15);
});

test("epe_nas above 100 classes: s_c per sample, single-sample classes skipped, mean pairwise spread", () => {
  // Class 0: R = [[1, −1], [−1, 1]]; class 1: R = all ones over 3 samples; class 2: one sample (skipped).
  const rows = Float64Array.from([1, 2, 3, 3, 2, 1, 0, 1, 2, 0, 2, 4, 1, 3, 5, 9, 9, 1]);
  const s0 = (4 * Math.log(1 + 1e-5)) / 2;
  const s1 = (9 * Math.log(1 + 1e-5)) / 3;
  const score = epeScore(rows, 3, [0, 0, 1, 1, 1, 2], 120);
  assert.ok(Math.abs(score - (2 * Math.abs(s0 - s1)) / 2) < 1e-15, `score ${score}`);
  assert.ok(Number.isNaN(epeScore(rows.subarray(0, 6), 3, [0, 1], 120)), "no class with two samples: NaN");
});

test("epe_nas is NaN, not a crash, when every cell edge is none", async () => {
  const context = await goldenContext({ ...golden.nets[0], arch: "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|" });
  assert.ok(Number.isNaN((await epeNas.compute(context)).score));
});

test.run();
