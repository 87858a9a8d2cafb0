// grad_norm, snip, plain, fisher, l2_norm, params and flops against PyTorch
// (tools/proxies_torch.py) on the fixture's tiny networks: same seeded weights, same 16 images.
// They share one cross-entropy pass, computed in float32; bounds are relative to each node
// vector's scale (1e-4) and to the score (1e-4). plain is a sum of near-cancelling terms
// (BN makes W·∂L/∂W vanish for every conv it follows), so it gets an absolute bound instead.
import { test } from "uvu";
import * as assert from "uvu/assert";
import "../../src/proxies/index.js";
import { getProxy } from "../../src/proxies/registry.js";
import { goldenContext, goldenScore, netsWith } from "../helpers/goldenProxies.js";

const maxAbs = (values: ArrayLike<number>): number => Math.max(...Array.from(values, Math.abs));

const CASES: { proxy: string; reference?: string; node: number; score: number; absolute?: boolean }[] = [
  { proxy: "grad_norm", node: 1e-4, score: 1e-4 },
  { proxy: "snip", node: 1e-4, score: 1e-4 },
  { proxy: "fisher", node: 1e-4, score: 1e-4 },
  { proxy: "l2_norm", node: 1e-6, score: 1e-6 },
  { proxy: "plain", node: 1e-4, score: 1e-6, absolute: true },
  { proxy: "params", node: 0, score: 0 },
  { proxy: "flops", reference: "flops_naslib", node: 0, score: -1 },
];

for (const { proxy, reference = proxy, node: nodeBound, score: scoreBound, absolute } of CASES) {
  for (const net of netsWith(reference)) {
    test(`${proxy} matches PyTorch on ${net.arch} (C=${net.C}, N=${net.N})`, async () => {
      const { nodes, score } = await getProxy(proxy).compute(await goldenContext(net));
      const want = net.proxies[reference].per_node as number[];
      assert.is(nodes!.length, want.length, "one value per Conv/Linear weight");
      const scale = maxAbs(want);
      want.forEach((w, i) => assert.ok(Math.abs(nodes![i] - w) <= nodeBound * scale + 1e-12, `node ${i}: ${nodes![i]}, PyTorch ${w}`));
      if (scoreBound < 0) return; // flops: the closed form is the benchmark network's, checked below
      const expected = goldenScore(net, reference);
      const tolerance = absolute ? scoreBound : scoreBound * Math.abs(expected);
      assert.ok(Math.abs(score - expected) <= tolerance, `score ${score}, PyTorch ${expected}`);
    });
  }
}

test("the aggregate is the declared reduction of the node values, for every proxy that has one", async () => {
  const net = netsWith("grad_norm")[0];
  const context = await goldenContext(net);
  const sizes = context.describeNetwork().nodes().map((n) => n.weight.size);
  for (const name of ["grad_norm", "snip", "plain", "fisher", "l2_norm", "grasp", "synflow", "synflow_bn", "zico"]) {
    const proxy = getProxy(name);
    const { nodes, score } = await proxy.compute(context);
    let reduced = 0;
    nodes!.forEach((v, i) => {
      if (Number.isFinite(v)) reduced += proxy.reduction === "size-weighted" ? v * sizes[i] : v;
    });
    assert.ok(Math.abs(reduced - score) <= 1e-9 * Math.max(Math.abs(score), 1e-12), `${name}: Σ nodes ${reduced} vs score ${score}`);
  }
});

test("fisher: an op on no path to the output adds exactly 0 (it gets no gradient), never NaN or stale memory", async () => {
  const { computeProxies } = await import("../../src/proxies/index.js");
  const { nb201 } = await import("../../src/spaces/nb201/index.js");
  // Node 3 takes only 0→3: the convs on 0→1, 0→2 and 1→2 are dead in all 15 cells.
  const arch = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|none~1|none~2|";
  const record = await computeProxies(nb201, arch, { proxies: ["fisher", "grad_norm"], batch: 16, seed: 0 });
  const [fisher, gradNorm] = [Array.from(record.nodes.fisher!), Array.from(record.nodes.grad_norm!)];
  assert.ok(fisher.every((v) => v !== null && Number.isFinite(v)), `fisher nodes: ${JSON.stringify(fisher)}`);
  const deadByFisher = fisher.flatMap((v, i) => (v === 0 ? [i] : []));
  assert.is(deadByFisher.length, 3 * 15);
  assert.equal(deadByFisher, gradNorm.flatMap((v, i) => (v === 0 ? [i] : [])), "dead ops: zero weight gradient and zero fisher");
  assert.ok(Number.isFinite(record.scores.fisher!) && record.scores.fisher! > 0);
});

test("flops equals NAS-Bench-Suite-Zero's stored value for the §A.9 record (0, 2, 3, 2, 3, 1)", async () => {
  const { computeProxies } = await import("../../src/proxies/index.js");
  const { nb201 } = await import("../../src/spaces/nb201/index.js");
  const record = await computeProxies(nb201, "|skip_connect~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_1x1~0|nor_conv_1x1~1|none~2|", { proxies: ["flops", "params"] });
  assert.ok(Math.abs(record.scores.flops! - 88.307392) < 1e-6);
  assert.ok(Math.abs(record.scores.params! - 0.615386) < 1e-9);
});

test.run();
