// Issue [proxies]: agreement with NAS-Bench-Suite-Zero's published CIFAR-10 scores
// (shared/data/nbsz_graf/nb201_zc_proxies.csv) on a seeded sample of the 9,445 valid archs.
// Per proxy: (a) Spearman(ours, reference); (b) Spearman with c10v_valid_200, ours next to
// the reference's; (c) our own seed-to-seed Spearman (seeds 0 and 1: other weights, other images).
//   node --import tsx bench/proxy-agreement.ts [--sample 500] [--workers 2] [--batch 16] [--proxies a,b] [--recompute a,b] [--json]
// Records are cached in bench/out/agreement-b<batch>-s<seed>.jsonl, so an interrupted run
// resumes and only missing (or --recompute'd) proxies are computed for a cached architecture.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { readCsv, columnValues } from "../src/data/csv.js";
import { dataFile, resolveDataRoot } from "../src/data/paths.js";
import { spearman } from "../src/metrics/spearman.js";
import { kendallTau } from "../src/metrics/kendall.js";
import type { SerialisedRecord } from "../src/pipeline/proxyWorker.js";
import { loadNb201Table } from "../src/spaces/nb201/table.js";
import { Random } from "../src/util/random.js";
import { argValue, wantsJson } from "./timing.js";

const PROXIES = ["grad_norm", "snip", "synflow", "fisher", "grasp", "l2_norm", "plain", "jacov", "nwot", "epe_nas", "zen", "zico", "params", "flops", "synflow_bn"];
const REFERENCE_COLUMNS = new Set(["epe_nas", "fisher", "flops", "grad_norm", "grasp", "jacov", "l2_norm", "nwot", "params", "plain", "snip", "synflow", "zen"]);
const sampleSize = Number(argValue("sample", "500"));
const workers = Number(argValue("workers", "2"));
const proxies = argValue("proxies", PROXIES.join(",")).split(",");
const batch = Number(argValue("batch", "16"));
const recompute = new Set(argValue("recompute", "").split(",").filter(Boolean));

const root = resolveDataRoot();
const reference = readCsv(dataFile(root, "nbsz_graf", "nb201_zc_proxies.csv"));
const archs = columnValues(reference, "net_str");
const sample = new Random(2026).shuffle([...archs.keys()]).slice(0, sampleSize).map((i) => archs[i]);
const table = loadNb201Table();
const accuracy = table.column("c10v_valid_200");

mkdirSync("bench/out", { recursive: true });
const pool = new Piscina({ filename: fileURLToPath(new URL("../src/pipeline/proxyWorker.ts", import.meta.url)), maxThreads: workers, minThreads: workers });

function mergeInto(done: Map<string, SerialisedRecord>, record: SerialisedRecord): SerialisedRecord {
  const before = done.get(record.arch);
  const merged = before
    ? { ...record, scores: { ...before.scores, ...record.scores }, nodes: { ...before.nodes, ...record.nodes }, flags: [...new Set([...before.flags, ...record.flags])] }
    : record;
  done.set(record.arch, merged);
  return merged;
}

async function recordsFor(seed: number): Promise<Map<string, SerialisedRecord>> {
  const file = `bench/out/agreement-b${batch}-s${seed}.jsonl`;
  const done = new Map<string, SerialisedRecord>();
  if (existsSync(file)) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line) continue;
      try {
        mergeInto(done, JSON.parse(line) as SerialisedRecord);
      } catch {
        // a torn last line from an interrupted run: recomputed below
      }
    }
  }
  for (const record of done.values()) for (const name of recompute) delete record.scores[name];
  const todo = sample.map((arch) => ({ arch, missing: proxies.filter((p) => !(p in (done.get(arch)?.scores ?? {}))) })).filter((t) => t.missing.length > 0);
  let finished = 0;
  const started = performance.now();
  await Promise.all(
    todo.map(async ({ arch, missing }) => {
      const record = (await pool.run({ arch, seed, proxies: missing, batch })) as SerialisedRecord;
      appendFileSync(file, JSON.stringify(mergeInto(done, record)) + "\n");
      if (++finished % 50 === 0) console.error(`seed ${seed}: ${finished}/${todo.length} (${((performance.now() - started) / finished).toFixed(0)} ms/arch wall)`);
    }),
  );
  return done;
}

const [first, second] = [await recordsFor(0), await recordsFor(1)];
await pool.destroy();

const rows = proxies.map((proxy) => {
  const ours = sample.map((arch) => first.get(arch)!.scores[proxy] ?? NaN);
  const oursOther = sample.map((arch) => second.get(arch)!.scores[proxy] ?? NaN);
  const acc = sample.map((arch) => accuracy[table.indexOf(arch)]);
  const hasReference = REFERENCE_COLUMNS.has(proxy);
  const refValues = hasReference ? columnValues(reference, proxy).map(Number) : [];
  const ref = hasReference ? sample.map((arch) => refValues[archs.indexOf(arch)]) : [];
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    proxy,
    n: sample.length,
    vs_reference: hasReference ? round(spearman(ours, ref)) : null,
    ours_vs_acc: round(spearman(ours, acc)),
    reference_vs_acc: hasReference ? round(spearman(ref, acc)) : null,
    ours_kendall_vs_acc: round(kendallTau(ours, acc)),
    seed_to_seed: round(spearman(ours, oursOther)),
  };
});

if (wantsJson()) for (const row of rows) console.log(JSON.stringify(row));
else {
  console.log("| proxy | (a) ρ ours vs reference | (b) ρ ours vs c10v_valid_200 | (b) ρ reference vs c10v_valid_200 | τ ours vs acc | (c) ρ seed 0 vs seed 1 |");
  console.log("|---|---|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.proxy} | ${r.vs_reference ?? "–"} | ${r.ours_vs_acc} | ${r.reference_vs_acc ?? "–"} | ${r.ours_kendall_vs_acc} | ${r.seed_to_seed} |`);
}
