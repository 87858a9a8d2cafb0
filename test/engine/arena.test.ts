// Memory stays flat across networks: every pass frees what it allocated, and running the same
// architectures again never grows wasm memory past what the first round needed.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Engine } from "../../src/engine/engine.js";
import { lossPass } from "../../src/engine/lossPass.js";
import { nb201 } from "../../src/spaces/nb201/index.js";
import { nb201Network } from "../../src/spaces/nb201/network.js";
import { Random } from "../../src/util/random.js";

test("40 NB201 networks, twice: the arena empties after each and memory does not grow in round two", async () => {
  const engine = await Engine.create();
  const random = new Random(9);
  const archs = nb201.sample(40, random).map(nb201.parse);
  const batch = {
    x: Float32Array.from({ length: 2 * 3 * 32 * 32 }, () => random.normal()),
    shape: [2, 3, 32, 32] as const,
    labels: Int32Array.from([1, 7]),
  };
  const round = (): number => {
    for (const arch of archs) {
      const net = nb201Network(arch, "cifar10");
      engine.resetAll();
      net.allocate(engine, 0);
      const before = engine.arena.stats().used;
      lossPass(engine, net, batch, () => undefined);
      assert.is(engine.arena.stats().used, before, "the pass freed everything it allocated");
    }
    engine.resetAll();
    assert.is(engine.arena.stats().used, 0);
    return engine.arena.stats().memoryBytes;
  };
  const afterFirst = round();
  assert.is(round(), afterFirst, "wasm memory after the second round");
});

test.run();
