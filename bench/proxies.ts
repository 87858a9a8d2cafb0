// Issue [proxies] bench: time per architecture for each proxy (network init included, as in
// ParZC's generator), and for the ParZC feature set, ours against bench/torch_proxies.py on the
// same machine in the same run, batch 16, one thread each.
//   node --import tsx bench/proxies.ts [--json] [--repeats 3] [--proxies a,b,…]
// Our ParZC set shares one cross-entropy pass between grad_norm and snip; PyTorch's `parzc_set`
// builds a fresh network per proxy, as ParZC's generator does. Both use synflow_bn (ParZC's own).
import { spawnSync } from "node:child_process";
import { computeProxies, proxyNames } from "../src/proxies/index.js";
import { proxyInputs } from "../src/proxies/inputs.js";
import { nb201 } from "../src/spaces/nb201/index.js";
import { benchArchs, round } from "./archs.js";
import { argValue, medianMsAsync, torchPython, wantsJson } from "./timing.js";

const repeats = Number(argValue("repeats", "3"));
const PARZC_SET = ["grad_norm", "snip", "synflow_bn"];
const proxies = argValue("proxies", proxyNames().join(",")).split(",");
const archs = benchArchs();

function torchTimes(): Map<string, number> {
  const python = torchPython();
  const times = new Map<string, number>();
  if (!python) {
    console.error("note: /usr/bin/python3 has no torch (apt-get install python3-torch); PyTorch columns skipped");
    return times;
  }
  const args = ["bench/torch_proxies.py", "--archs", archs.map((a) => a.arch).join(","), "--proxies", proxies.join(","), "--repeats", String(repeats), "--threads", "1", "--json"];
  const run = spawnSync(python, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`bench/torch_proxies.py failed:\n${run.stderr}`);
  for (const line of run.stdout.split("\n").filter(Boolean)) {
    const row = JSON.parse(line) as { arch: string; proxy: string; median_ms: number };
    times.set(`${row.arch} ${row.proxy}`, row.median_ms);
  }
  return times;
}

const torch = torchTimes();
const inputs = proxyInputs({ batchSize: 16, seed: 0 });
for (const { name, arch } of archs) {
  for (const [label, set] of [...proxies.map((p) => [p, [p]] as const), ["parzc_set", PARZC_SET] as const]) {
    const oursMs = await medianMsAsync(() => computeProxies(nb201, arch, { proxies: set, inputs }), { repeats });
    const torchMs = torch.get(`${arch} ${label}`);
    const row = { name: `${label}_${name}`, proxy: label, arch, ours_ms: round(oursMs), baseline: "pytorch-1-thread", baseline_ms: torchMs ?? null, ratio: torchMs === undefined ? null : round(torchMs / oursMs, 3) };
    if (wantsJson()) console.log(JSON.stringify(row));
    else console.log(`${row.name.padEnd(28)} ours ${String(row.ours_ms).padStart(9)} ms   PyTorch ${String(row.baseline_ms ?? "-").padStart(9)} ms   PyTorch/ours ${row.ratio ?? "-"}`);
  }
}
