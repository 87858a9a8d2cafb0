// synflow and synflow_bn against PyTorch float64 (tools/proxies_torch.py `synflow`, `synflow_bn`):
// the tiny fixture networks and one full C=16, N=5 network, node by node. Then the full-size
// extremes: the largest network stays finite (~1e49, float32 would overflow), and networks with
// no input→output path give exact zeros rather than NaN.
import { test } from "uvu";
import * as assert from "uvu/assert";
import "../../src/proxies/definitions/synflow.js";
import { getProxy } from "../../src/proxies/registry.js";
import { nb201Network } from "../../src/spaces/nb201/network.js";
import { parseArch } from "../../src/spaces/nb201/codec.js";
import { golden, goldenContext, goldenScore, netsWith } from "../helpers/goldenProxies.js";

const VARIANTS = ["synflow", "synflow_bn"] as const;
const TOLERANCE = 1e-9;
const maxAbs = (values: ArrayLike<number>): number => Math.max(...Array.from(values, Math.abs));
const full = (arch: string) => ({ ...golden.nets[0], arch, C: 16, N: 5, classes: 10 });
const sizes = (arch: string): number[] => nb201Network(parseArch(arch), "cifar10").nodes().map((n) => n.weight.size);

for (const name of VARIANTS) {
  for (const net of netsWith(name)) {
    test(`${name} matches PyTorch float64 within 1e-9 on ${net.arch} (C=${net.C}, N=${net.N})`, async () => {
      const { nodes, score } = await getProxy(name).compute(await goldenContext(net));
      const want = net.proxies[name].per_node as number[];
      assert.is(nodes!.length, want.length, "one value per Conv/Linear weight");
      const scale = maxAbs(want);
      want.forEach((w, i) => assert.ok(Math.abs(nodes![i] - w) <= TOLERANCE * scale, `node ${i}: ${nodes![i]}, PyTorch ${w}`));
      const expected = goldenScore(net, name);
      assert.ok(Math.abs(score - expected) <= TOLERANCE * expected, `score ${score}, PyTorch ${expected}`);
    });
  }
}

const ALL_3X3 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
const ALL_POOL = "|avg_pool_3x3~0|+|avg_pool_3x3~0|avg_pool_3x3~1|+|avg_pool_3x3~0|avg_pool_3x3~1|avg_pool_3x3~2|";
const ALL_SKIP = "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|";

test("synflow on the all-3×3 C=16, N=5 network is ~1e49 and finite: ln ≈ 114.8 as in §B.5", async () => {
  const { nodes, score } = await getProxy("synflow").compute(await goldenContext(full(ALL_3X3)));
  assert.ok(Number.isFinite(score) && score > 1e48 && score < 1e51, `score ${score}`);
  assert.ok(Math.abs(Math.log(score) - 114.8) < 0.5, `ln score ${Math.log(score)}`);
  assert.ok(nodes!.every((v) => Number.isFinite(v) && v > 0), "every node finite and positive");
});

for (const arch of [ALL_3X3, ALL_POOL, ALL_SKIP]) {
  for (const name of VARIANTS) {
    test(`${name} is finite, positive and = Σ node·size on ${arch} (C=16, N=5)`, async () => {
      const { nodes, score } = await getProxy(name).compute(await goldenContext(full(arch)));
      assert.ok(nodes!.every((v) => Number.isFinite(v) && v > 1e-300), `nodes ${Array.from(nodes!).filter((v) => !(v > 1e-300))}`);
      const weighted = sizes(arch).reduce((s, size, i) => s + nodes![i] * size, 0);
      assert.ok(Number.isFinite(score) && Math.abs(score - weighted) <= 1e-12 * score, `score ${score}, Σ node·size ${weighted}`);
    });
  }
}

for (const arch of ["|none~0|+|none~0|none~1|+|none~0|none~1|none~2|", "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|none~0|none~1|none~2|"]) {
  for (const name of VARIANTS) {
    test(`${name} is exactly 0 on every node of the degenerate ${arch} (C=16, N=5)`, async () => {
      const { nodes, score } = await getProxy(name).compute(await goldenContext(full(arch)));
      assert.is(score, 0);
      assert.ok(nodes!.every((v) => v === 0), `nodes ${Array.from(nodes!)}`);
    });
  }
}

test.run();
