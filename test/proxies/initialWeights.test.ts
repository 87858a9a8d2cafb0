// Every network a ProxyContext builds with the run's seed starts from the same weights; after the
// first, they are copied rather than drawn again (NB101's largest cell draws 42 M normals), on
// either backend. Another seed or scheme still draws its own.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { wasmBackendF64 } from "../../src/engine/backend.js";
import { Engine } from "../../src/engine/engine.js";
import { ProxyContext } from "../../src/proxies/context.js";
import { proxyInputs } from "../../src/proxies/inputs.js";
import { Random } from "../../src/util/random.js";
import { nb201Subject } from "../helpers/nb201Subject.js";

const ARCH = "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_3x3~1|none~2|";
const subject = nb201Subject(ARCH, { channels: 4, cellsPerStage: 1, classes: 10 });

async function context() {
  const f32 = await Engine.create();
  const f64 = await wasmBackendF64().then((backend) => Engine.create(backend));
  const inputs = proxyInputs({ batchSize: 2, seed: 0 });
  return { f32, f64, context: new ProxyContext(subject, inputs, 7, { f32, f64: async () => f64 }) };
}

const weights = (engine: Engine, net: ReturnType<ProxyContext["network"]>) => net.parameters().map((p) => Array.from(engine.view(p)));

test("a second network of the run's seed has the first's weights, on either backend", async () => {
  const { f32, f64, context: ctx } = await context();
  const first = weights(f32, ctx.network(f32));
  assert.equal(weights(f64, ctx.network(f64)), first);
  assert.equal(weights(f32, ctx.network(f32)), first);
  // The copy is the seeded draw itself: a context that never drew before gives the same.
  const fresh = (await context()).context;
  assert.equal(weights(f64, fresh.network(f64)), first);
});

test("the second network draws nothing", async () => {
  const { f32, f64, context: ctx } = await context();
  ctx.network(f32);
  const symmetric = Random.prototype.symmetric;
  let draws = 0;
  Random.prototype.symmetric = function (bound: number) {
    draws++;
    return symmetric.call(this, bound);
  };
  try {
    ctx.network(f64);
    ctx.network(f32);
  } finally {
    Random.prototype.symmetric = symmetric;
  }
  assert.is(draws, 0);
});

test("another seed, a Random stream or the gaussian scheme draws its own weights", async () => {
  const { f32, context: ctx } = await context();
  const first = weights(f32, ctx.network(f32));
  assert.not.equal(weights(f32, ctx.network(f32, { seed: 8 })), first);
  // A stream already drawn from goes on where it was, so it cannot be the run's copy.
  const stream = new Random(7);
  stream.uniform();
  assert.not.equal(weights(f32, ctx.network(f32, { seed: stream })), first);
  assert.not.equal(weights(f32, ctx.network(f32, { scheme: "gaussian" })), first);
  assert.equal(weights(f32, ctx.network(f32)), first);
});

test("weights of another network are refused, not half copied", async () => {
  const f32 = await Engine.create();
  const net = subject.describe();
  assert.throws(() => net.allocate(f32, { values: [new Float32Array(3)] }), /another network's/);
});

test.run();
