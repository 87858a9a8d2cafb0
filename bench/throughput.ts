// Issue [pipeline]: archs/s of `parzc stats` against the PyTorch proxy script, same proxies, same
// architectures, same machine, same run. Ours: the built CLI with 2 workers into a fresh store.
// PyTorch: bench/torch_proxies.py as 2 processes × 1 thread, each on half of the list, one timed
// run per (arch, proxy), a fresh network per proxy (ParZC's generator). Both walls include process
// and pool start-up. Rounds alternate ours/PyTorch so a change in machine load hits both sides.
// --space nb101 draws from the cells NB101's benchmark table labels (its 2,500 + 500 + 52).
//   node --import tsx bench/throughput.ts [--space nb201|nb101] [--archs 200] [--proxies grad_norm,snip,synflow] [--rounds 2] [--json]
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { resolveDataRoot } from "../src/data/paths.js";
import { getSpace } from "../src/spaces/index.js";
import { Random } from "../src/util/random.js";
import { round } from "./archs.js";
import { argValue, torchPython, wantsJson } from "./timing.js";

const count = Number(argValue("archs", "200"));
const proxies = argValue("proxies", "grad_norm,snip,synflow");
const rounds = Number(argValue("rounds", "2"));
const space = getSpace(argValue("space", "nb201"));
const repo = fileURLToPath(new URL("..", import.meta.url));

// Degenerate architectures are left out: ours flags them without a pass, PyTorch would time them.
const table = space.name === "nb201" ? undefined : space.benchmark(resolveDataRoot(undefined));
const pool = table ? new Random(2027).shuffle(Array.from({ length: table.rowCount }, (_, row) => table.archAt(row))) : space.sample(4 * count, new Random(2027));
const archs = pool.filter((arch) => !space.isDegenerate(space.parse(arch))).slice(0, count);
const scratch = mkdtempSync(join(tmpdir(), "parzc-throughput-"));
const listFile = (name: string, items: string[]) => {
  const path = join(scratch, name);
  writeFileSync(path, items.join("\n") + "\n");
  return path;
};
const all = listFile("archs.txt", archs);
const halves = [listFile("half0.txt", archs.filter((_, i) => i % 2 === 0)), listFile("half1.txt", archs.filter((_, i) => i % 2 === 1))];

function wallSeconds(commands: string[][]): Promise<number> {
  const start = performance.now();
  return Promise.all(commands.map(([command, ...args]) => new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: repo, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NO_COLOR: "1" } });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  }))).then(() => (performance.now() - start) / 1000);
}

const python = torchPython();
const ours: number[] = [];
const torch: number[] = [];
for (let r = 0; r < rounds; r++) {
  ours.push(await wallSeconds([["node", "dist/cli/main.js", "stats", "--space", space.name, "--archs", `file:${all}`, "--proxies", proxies, "--seed", "0", "--batch", "16", "--workers", "2", "--out", join(scratch, `round${r}.store`)]]));
  if (python) torch.push(await wallSeconds(halves.map((half) => [python, "bench/torch_proxies.py", "--space", space.name, "--archs", half, "--proxies", proxies, "--repeats", "1", "--warmup", "0", "--threads", "1", "--no-extras"])));
}
rmSync(scratch, { recursive: true, force: true });

const mean = (values: number[]) => values.reduce((a, v) => a + v, 0) / values.length;
const result = {
  space: space.name,
  archs: count,
  proxies,
  rounds,
  ours_wall_s: ours.map((s) => round(s, 1)),
  ours_archs_per_s: round(count / mean(ours), 2),
  torch_wall_s: torch.map((s) => round(s, 1)),
  torch_archs_per_s: torch.length ? round(count / mean(torch), 2) : null,
  speedup: torch.length ? round(mean(torch) / mean(ours), 2) : null,
};
if (wantsJson()) console.log(JSON.stringify(result));
else {
  console.log(`${count} non-degenerate ${space.title} archs, proxies ${proxies}, ${rounds} rounds`);
  console.log(`ours    (2 workers):        ${result.ours_wall_s.join(" / ")} s  → ${result.ours_archs_per_s} archs/s`);
  console.log(python ? `PyTorch (2 proc × 1 thread): ${result.torch_wall_s.join(" / ")} s  → ${result.torch_archs_per_s} archs/s  (PyTorch wall / ours: ${result.speedup})` : "PyTorch: /usr/bin/python3 with torch not found, skipped");
}
