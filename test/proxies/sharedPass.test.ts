// One train-mode forward serves the cross-entropy proxies, jacov/epe_nas (a second backward, from
// the logits, on the kept tape) and nwot (ReLU codes): each gives exactly, bit for bit, what it
// gives on a forward of its own, whichever proxy of the run asks first.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Engine } from "../../src/engine/engine.js";
import { lossPass } from "../../src/engine/lossPass.js";
import { fromBatchMajor } from "../../src/engine/ops/layout.js";
import { ProxyContext } from "../../src/proxies/context.js";
import { getProxy } from "../../src/proxies/index.js";
import type { SharedProduct } from "../../src/proxies/types.js";
import { golden, goldenContext } from "../helpers/goldenProxies.js";

const PROXIES = ["grad_norm", "snip", "fisher", "plain", "jacov", "epe_nas", "nwot"];
const SHARED = new Set<SharedProduct>(["lossGradients", "inputJacobian", "reluKernel"]);

async function outputs(net: (typeof golden.nets)[number], shared: ReadonlySet<SharedProduct> | undefined, order: string[]): Promise<string> {
  const own = await goldenContext(net);
  const context = new ProxyContext(own.subject, own.inputs, own.seed, { f32: own.engine, f64: () => own.float64Engine() }, shared);
  const out: Record<string, unknown> = {};
  for (const proxy of order) {
    const { nodes, score } = await getProxy(proxy).compute(context);
    out[proxy] = { score, nodes: nodes ? Array.from(nodes) : null };
  }
  return JSON.stringify(out, Object.keys(out).sort());
}

for (const net of golden.nets.slice(0, 3)) {
  test(`the shared forward gives every proxy's exact values on ${net.arch}, asked in either order`, async () => {
    const alone = await outputs(net, undefined, PROXIES);
    assert.is(await outputs(net, SHARED, PROXIES), alone);
    assert.is(await outputs(net, SHARED, [...PROXIES].reverse()), alone, "nwot, then the Jacobian, ride the loss pass");
  });
}

test("a second backward on the kept tape, after clearGradients, equals a fresh forward and backward", async () => {
  const context = await goldenContext(golden.nets[0]);
  const engine: Engine = context.engine;
  const net = context.network(engine);
  const { x, shape } = context.inputs.batch;
  const shared = lossPass(engine, net, context.inputs.batch, ({ input, logits }) => {
    engine.clearGradients();
    engine.backwardFrom(logits, 1);
    return Array.from(engine.readGrad(input));
  }, { inputGradient: true, keepTape: true });
  const fresh = engine.withPass(() => {
    const input = fromBatchMajor(engine, x, shape, true);
    engine.backwardFrom(net.forward(engine, input), 1);
    return Array.from(engine.readGrad(input));
  });
  assert.equal(shared, fresh);
});

test.run();
