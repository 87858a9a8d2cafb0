// Trains the small model the browser page offers as "use the bundled model"
// (data/models/nb201-web-small.json) with the real pipeline: `parzc stats` on a seeded NB201
// sample (the bundled CIFAR-10 images, batch 16, grad_norm, snip and synflow), `parzc train` of a
// small MABN on most of it, `parzc eval` on the rest; then writes the commands, the model's size
// and sha256 and the held-out Kendall τ into data/README.md (between its web-model markers).
//   node --import tsx tools/train-web-model.ts [--data DIR] [--workers N]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sha256 } from "../src/data/manifest.js";
import { writeFileAtomic } from "../src/util/safeFiles.js";
import { replaceSection } from "./bundle-data.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const WEB_MODEL = join(root, "data", "models", "nb201-web-small.json");
const STORE = "nb201-web-small.store";

const STATS = ["stats", "--space", "nb201", "--dataset", "cifar10", "--archs", "sample:200", "--seed", "0", "--batch", "16", "--proxies", "grad_norm,snip,synflow", "--out", STORE];
const TRAIN = [
  "train", "--stats", STORE, "--target", "c10v_valid_200", "--train-size", "150", "--seed", "0",
  "--width", "8", "--depth", "1", "--sequence", "32", "--segment", "8", "--members", "1", "--epochs", "200", "--quiet", "--json",
];
const EVAL = ["eval", "--stats", STORE, "--target", "c10_test_200", "--json"];

const option = (name: string): string[] => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? [name, process.argv[at + 1]] : [];
};

/** Runs parzc from this checkout's sources (tsx), in `cwd`; stops with its stderr when it fails. */
function parzc(args: string[], cwd: string): string {
  const cli = join(root, "src", "cli", "main.ts");
  const run = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), cli, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (run.status !== 0) throw new Error(`parzc ${args.join(" ")} exited ${run.status}`);
  return run.stdout;
}

const shell = (args: string[]) => `parzc ${args.map((a) => (/[|~ ]/.test(a) ? `'${a}'` : a)).join(" ")}`;

function readmeSection(bytes: number, hash: string, kendall: number, n: number): string {
  return [
    "### models/nb201-web-small.json",
    "",
    "The model the browser page offers as \"use the bundled model\" (`web/`): a small MABN (width 8, one mixer block, a 32-long",
    "input projection in segments of 8, one member, the architecture encoder and magnitude features as `parzc train`'s defaults)",
    "trained with parzc itself on statistics of 200 NB201 architectures sampled with seed 0, computed from the bundled CIFAR-10",
    "images (batch 16, seed 0): 150 to train on `c10v_valid_200`, the other 50 held out. Written by",
    "`node --import tsx tools/train-web-model.ts`, which runs, in a temporary folder:",
    "",
    "```bash",
    shell(STATS),
    `${shell(TRAIN)} --out data/models/nb201-web-small.json`,
    `${shell(EVAL)} --model data/models/nb201-web-small.json`,
    "```",
    "",
    `${bytes} bytes, sha256 \`${hash}\`; Kendall τ ${kendall.toFixed(3)} against \`c10_test_200\` on the ${n} held-out architectures.`,
    "Its provenance (store settings, training indices, time) is inside the file. Derived from the bundled NB201 table and CIFAR-10 slice above.",
  ].join("\n");
}

const work = mkdtempSync(join(tmpdir(), "parzc-web-model-"));
try {
  const data = option("--data");
  parzc([...STATS, ...data, ...option("--workers")], work);
  parzc([...TRAIN, ...data, "--out", WEB_MODEL], work);
  const evaluation = JSON.parse(parzc([...EVAL, ...data, "--model", WEB_MODEL], work)) as { kendall: number; n: number };
  const bytes = readFileSync(WEB_MODEL);
  const readme = join(root, "data", "README.md");
  writeFileAtomic(readme, replaceSection(readFileSync(readme, "utf8"), "web-model", readmeSection(bytes.length, sha256(bytes), evaluation.kendall, evaluation.n)));
  console.log(`wrote ${WEB_MODEL} (${bytes.length} bytes; Kendall τ ${evaluation.kendall.toFixed(3)} on ${evaluation.n} held out) and its section of ${readme}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
