// nwot against PyTorch (tools/proxies_torch.py `nwot`, NASLib's hooks on every ReLU module) on the
// fixture's tiny networks; a cell node read by several convs counts once per conv, as there.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Engine } from "../../src/engine/engine.js";
import { ProxyContext } from "../../src/proxies/context.js";
import "../../src/proxies/definitions/nwot.js";
import { getProxy } from "../../src/proxies/registry.js";
import { referenceBackend } from "../../src/reference/backend.js";
import { golden, goldenContext, goldenScore, netsWith } from "../helpers/goldenProxies.js";

const nwot = getProxy("nwot");

for (const net of netsWith("nwot")) {
  test(`nwot matches PyTorch within 1e-4 on ${net.arch} (C=${net.C}, N=${net.N})`, async () => {
    const { score } = await nwot.compute(await goldenContext(net));
    const want = goldenScore(net, "nwot");
    assert.ok(Math.abs(score - want) <= 1e-4 * Math.abs(want), `score ${score}, PyTorch ${want}`);
  });
}

test("nwot on the float64 reference backend (plain-TS codes) gives PyTorch's score too", async () => {
  const net = netsWith("nwot")[0];
  const wasm = await goldenContext(net);
  const engine = new Engine(referenceBackend());
  const context = new ProxyContext(wasm.subject, wasm.inputs, wasm.seed, { f32: engine, f64: async () => engine });
  const want = goldenScore(net, "nwot");
  const { score } = await nwot.compute(context);
  assert.ok(Math.abs(score - want) <= 1e-4 * Math.abs(want), `score ${score}, PyTorch ${want}`);
});

test("nwot is −Infinity when every cell edge is none (every ReLU input is zero: K has rank 1)", async () => {
  const context = await goldenContext({ ...golden.nets[0], arch: "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|" });
  assert.is((await nwot.compute(context)).score, -Infinity);
});

test.run();
