// NB201 forward + cross-entropy + backward at batch 16, ours against PyTorch on the same
// machine in the same run, one thread each. Rows: the largest architecture (all
// nor_conv_3x3) and a median-FLOPs one (index 14452).
//   node --import tsx bench/nb201.ts [--json] [--repeats 5] [--batch 16]
import { spawnSync } from "node:child_process";
import { Engine } from "../src/engine/engine.js";
import { lossPass } from "../src/engine/lossPass.js";
import { parseArch } from "../src/spaces/nb201/codec.js";
import { flops } from "../src/spaces/nb201/cost.js";
import { nb201Network } from "../src/spaces/nb201/network.js";
import { Random } from "../src/util/random.js";
import { benchArchs, round } from "./archs.js";
import { argValue, medianMs, torchPython, wantsJson } from "./timing.js";

const repeats = Number(argValue("repeats", "5"));
const batchSize = Number(argValue("batch", "16"));
const rows = benchArchs().map(({ name, arch }) => ({ name: `nb201_${name}`, arch }));

function torchTimes(): Map<string, number> {
  const python = torchPython();
  if (!python) {
    console.error("note: /usr/bin/python3 has no torch (apt-get install python3-torch); PyTorch columns skipped");
    return new Map();
  }
  const args = ["bench/torch_nb201.py", "--archs", rows.map((r) => r.arch).join(","), "--batch", String(batchSize), "--repeats", String(repeats), "--threads", "1", "--json"];
  const run = spawnSync(python, args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`bench/torch_nb201.py failed:\n${run.stderr}`);
  const times = new Map<string, number>();
  for (const line of run.stdout.split("\n").filter(Boolean)) {
    const row = JSON.parse(line) as { arch: string; median_ms: number };
    times.set(row.arch, row.median_ms);
  }
  return times;
}

const engine = await Engine.create();
const random = new Random(0);
const batch = {
  x: Float32Array.from({ length: batchSize * 3 * 32 * 32 }, () => random.normal()),
  shape: [batchSize, 3, 32, 32] as const,
  labels: Int32Array.from({ length: batchSize }, () => random.int(10)),
};
const torch = torchTimes();
for (const { name, arch } of rows) {
  const parsed = parseArch(arch);
  const net = nb201Network(parsed, "cifar10");
  engine.resetAll();
  net.allocate(engine, 0);
  const oursMs = medianMs(() => lossPass(engine, net, batch, () => undefined), { repeats });
  const torchMs = torch.get(arch);
  const gflops = (3 * 2 * flops(parsed, "cifar10") * 1e6 * batchSize) / (oursMs * 1e6); // fwd + 2× for bwd
  const result = {
    name,
    arch,
    batch: batchSize,
    ours_ms: round(oursMs),
    baseline: "pytorch-1-thread",
    baseline_ms: torchMs === undefined ? null : round(torchMs),
    ours_over_baseline: torchMs === undefined ? null : round(oursMs / torchMs, 3),
    gflops: round(gflops),
  };
  if (wantsJson()) console.log(JSON.stringify(result));
  else console.log(`${name.padEnd(20)} ours ${result.ours_ms} ms   PyTorch ${result.baseline_ms ?? "-"} ms   ours/PyTorch ${result.ours_over_baseline ?? "-"}   ${result.gflops} GFLOP/s`);
}
