// CPU time per architecture for each of the demo's proxies, on the demo's own sample (seed 0,
// batch 16), one thread, every proxy in the demo's order on one shared context, as computeProxies
// runs them (so the shared forward, with the loss pass, the input Jacobian and nwot's ReLU codes,
// is charged to the first proxy that reads it: grad_norm).
// CPU time (process.cpuUsage), not wall, because the machine is shared.
//   node --import tsx bench/demoProxies.ts [--space nb201|nb101] [--archs 40] [--proxies a,b] [--json]
import { wasmBackendF64 } from "../src/engine/backend.js";
import { Engine } from "../src/engine/engine.js";
import { ProxyContext, spaceSubject, type EngineSet } from "../src/proxies/context.js";
import { getProxy, PARZC_PROXIES } from "../src/proxies/index.js";
import { proxyInputs } from "../src/proxies/inputs.js";
import { bundledDataRoot } from "../src/data/paths.js";
import { demoArchs } from "../src/search/demoSample.js";
import { getSpace } from "../src/spaces/index.js";
import { argValue, wantsJson } from "./timing.js";

const space = getSpace(argValue("space", "nb201"));
const { demo } = space;
const SEED = 0;
const count = Number(argValue("archs", "40"));
const proxies = argValue("proxies", [...PARZC_PROXIES, ...demo.baselines].join(",")).split(",");
// Evenly spread over the demo's sample, so the mix of sizes is the demo's.
const sample = demoArchs(space, space.benchmark(bundledDataRoot()), demo.sample, SEED);
const archs = Array.from({ length: count }, (_, i) => sample[Math.floor((i * sample.length) / count)]);

const f32 = await Engine.create();
const f64 = wasmBackendF64().then((backend) => Engine.create(backend));
const engines: EngineSet = { f32, f64: () => f64 };
const inputs = proxyInputs({ batchSize: demo.batch, seed: SEED });
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

// As computeProxies does: one forward for everything the proxies read of the shared pass.
const shared = new Set(proxies.flatMap((p) => getProxy(p).needs.shares ?? []));
const totals = new Map(proxies.map((p) => [p, 0]));
// The first architecture twice: once to warm up (not counted), then in turn.
for (const [position, arch] of [archs[0], ...archs].entries()) {
  const context = new ProxyContext(spaceSubject(space, space.parse(arch), "cifar10"), inputs, SEED, engines, shared);
  for (const proxy of proxies) {
    const start = cpuMs();
    await getProxy(proxy).compute(context);
    if (position > 0) totals.set(proxy, totals.get(proxy)! + cpuMs() - start);
  }
}
const all = [...totals.values()].reduce((s, v) => s + v, 0);
const rows = proxies.map((proxy) => ({ proxy, cpu_ms_per_arch: Math.round((totals.get(proxy)! / count) * 10) / 10, share: Math.round((totals.get(proxy)! / all) * 1000) / 1000 }));
if (wantsJson()) for (const row of rows) console.log(JSON.stringify(row));
else {
  for (const row of rows) console.log(`${row.proxy.padEnd(10)} ${String(row.cpu_ms_per_arch).padStart(8)} ms  ${(row.share * 100).toFixed(1).padStart(5)} %`);
  console.log(`${"all".padEnd(10)} ${(Math.round((all / count) * 10) / 10).toString().padStart(8)} ms over ${count} architectures of the demo's sample`);
}
