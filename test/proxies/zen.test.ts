// zen against PyTorch's `zen_fixed` (tools/proxies_torch.py): the same Mulberry32(7) stream draws
// the Gaussian weights, then x₁, then x₂, so the run's seed 7 must reproduce its score.
import { test } from "uvu";
import * as assert from "uvu/assert";
import "../../src/proxies/definitions/zen.js";
import { getProxy } from "../../src/proxies/registry.js";
import { golden, goldenContext, goldenScore, netsWith } from "../helpers/goldenProxies.js";

const zen = getProxy("zen");
const ZEN_FIXED_SEED = 7;

for (const net of netsWith("zen_fixed")) {
  test(`zen with seed 7 matches PyTorch zen_fixed within 1e-4 on ${net.arch} (C=${net.C}, N=${net.N})`, async () => {
    const { score } = await zen.compute(await goldenContext(net, ZEN_FIXED_SEED));
    const want = goldenScore(net, "zen_fixed");
    assert.ok(Math.abs(score - want) <= 1e-4 * Math.abs(want), `score ${score}, PyTorch ${want}`);
  });
}

test("zen is −Infinity when every cell edge is none (Δ = 0: the features ignore the input)", async () => {
  const context = await goldenContext({ ...golden.nets[0], arch: "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|" });
  assert.is((await zen.compute(context)).score, -Infinity);
});

test.run();
