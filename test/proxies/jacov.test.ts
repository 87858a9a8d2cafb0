// jacov against PyTorch (tools/proxies_torch.py `jacov`) on the fixture's tiny networks: the
// correlation eigenvalues and the score; a network whose output ignores its input scores NaN.
import { test } from "uvu";
import * as assert from "uvu/assert";
import "../../src/proxies/definitions/jacov.js";
import { inputJacobian } from "../../src/proxies/jacobian.js";
import { correlationMatrix, symmetricEigenvalues } from "../../src/proxies/linalg.js";
import { getProxy } from "../../src/proxies/registry.js";
import { golden, goldenContext, goldenScore, netsWith } from "../helpers/goldenProxies.js";

const jacov = getProxy("jacov");

for (const net of netsWith("jacov")) {
  test(`jacov matches PyTorch within 1e-4 on ${net.arch} (C=${net.C}, N=${net.N})`, async () => {
    const context = await goldenContext(net);
    const { score } = await jacov.compute(context);
    const want = goldenScore(net, "jacov");
    assert.ok(Math.abs(score - want) <= 1e-4 * Math.abs(want), `score ${score}, PyTorch ${want}`);
    const { rows, samples, width } = inputJacobian(context);
    const eigenvalues = symmetricEigenvalues(correlationMatrix(rows, samples, width), samples);
    (net.proxies.jacov.eigenvalues as number[]).forEach((want, i) =>
      assert.ok(Math.abs(eigenvalues[i] - want) <= 1e-4, `λ${i}: ${eigenvalues[i]}, PyTorch ${want}`));
  });
}

test("jacov is NaN, not a crash, when every cell edge is none (constant Jacobian rows)", async () => {
  const context = await goldenContext({ ...golden.nets[0], arch: "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|" });
  assert.ok(Number.isNaN((await jacov.compute(context)).score));
});

test.run();
