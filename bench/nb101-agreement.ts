// Issue [spaces], Show (bench/RESULTS.md): agreement with NASLib's published NB101 proxy scores,
// naslib_zc/zc_nasbench101_subset.json (500 records; 301 distinct pruned cells, 292 graph hashes:
// isomorphic cells in another vertex order split their channels differently, so they are other
// networks). parzc computes NASLib's 11 proxies for every distinct cell with `parzc stats` (each
// record then takes its cell's score), for two seeds (other weights, other images), and reports per
// proxy: ρ(ours, NASLib) over the 500, our seed-to-seed ρ, ρ with val_accuracy (ours and NASLib's),
// NASLib's own repeat ρ over the cells it drew more than once, and the issue's two requirements:
//   (a) ρ(ours, NASLib) ≥ 0.9 wherever our seed-to-seed ρ is ≥ 0.95;
//   (b) |ρ(ours, val_accuracy) − ρ(NASLib, val_accuracy)| ≤ 0.05 for every proxy.
// Batch: NASLib's 32 wherever it fits in wasm32's 4 GiB, else the largest batch that does. The
// memory of each cell is measured, not guessed: the proxies' passes run at batch 2 and 4 on a fresh
// arena (the shared gradient pass with jacov's second backward; grasp's gradient pass, in float64,
// which doubles every buffer), giving a fixed part and a part per image. grasp therefore runs in
// stores of its own, at its own batch. Stores, lists and the memory table live in --runs; every
// step is resumable (a rerun skips what the stores hold), and --budget-min stops the computing
// (Ctrl-C to the CLI, which keeps what it finished) so seed 1 covers as many cells as fit.
//   npm run build:ts && node --import tsx bench/nb101-agreement.ts [--data ../shared/data]
//     [--runs /work/runs] [--seeds 0,1] [--budget-min 20 | 20,30,10] [--measure-only | --report-only] [--json]
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { readDataText } from "../src/data/dataBytes.js";
import { dataFile, resolveDataRoot } from "../src/data/paths.js";
import { wasmBackend } from "../src/engine/backend.js";
import { Engine } from "../src/engine/engine.js";
import { lossPass } from "../src/engine/lossPass.js";
import { spearman } from "../src/metrics/spearman.js";
import { ProxyContext, spaceSubject } from "../src/proxies/context.js";
import { proxyInputs, type ProxyInputs } from "../src/proxies/inputs.js";
import { signRecorder } from "../src/proxies/signCodes.js";
import type { SharedProduct } from "../src/proxies/types.js";
import { getSpace } from "../src/spaces/index.js";
import { Random } from "../src/util/random.js";
import { round } from "./archs.js";
import { argValue, wantsJson } from "./timing.js";

/** NASLib's zc_names for NB101 (nb101-and-darts.md §C.1), in its order. */
const NASLIB_PROXIES = ["flops", "params", "snip", "jacov", "grad_norm", "plain", "epe_nas", "fisher", "grasp", "l2_norm", "synflow"] as const;
/**
 * grasp runs alone: float64 (twice the memory), so it gets a smaller batch on the large cells.
 * jacov and epe_nas also run alone, at batch 32, on the cells whose main pass needs a smaller one:
 * their scores scale with the batch (jacov sums over one eigenvalue per image, ≈ −n; epe_nas over
 * the same-class pairs), so a score at another batch does not rank against the rest. Their own
 * pass (a forward and one backward from the logits) needs about half the main pass's memory.
 */
const GROUPS = {
  main: NASLIB_PROXIES.filter((p) => p !== "grasp"),
  jacobian: ["jacov", "epe_nas"],
  grasp: ["grasp"],
} as const;
type Group = keyof typeof GROUPS;
const BATCH_SIZED = new Set<string>(GROUPS.jacobian);
const NASLIB_BATCH = 32;
const BATCH_STEP = 4;
const MiB = 1024 * 1024;
/** wasm32's 4 GiB, less room for the arena's alignment and the im2col scratch (as bench/nb101-memory.ts). */
const USABLE_BYTES = 4096 * MiB - 64 * MiB;

const root = resolveDataRoot(process.argv.includes("--data") ? argValue("data", "") : undefined);
const runs = resolve(argValue("runs", "/work/runs"));
const seeds = argValue("seeds", "0,1").split(",").map(Number);
/** Minutes for each phase after the first (the main proxies on the first seed, every cell), in phase order; the last value holds for the rest. */
const budgetsMs = argValue("budget-min", "Infinity").split(",").map((m) => Number(m) * 60_000);
const reportOnly = process.argv.includes("--report-only");
/** Measure the memory, then report without computing. */
const measureOnly = process.argv.includes("--measure-only");
const cli = resolve(import.meta.dirname, "..", "dist", "cli", "main.js");
const space = getSpace("nb101");
mkdirSync(runs, { recursive: true });

// ---- NASLib's records -----------------------------------------------------------------------
type NaslibRecord = Record<(typeof NASLIB_PROXIES)[number] | "val_accuracy", number>;
const published = JSON.parse(readDataText(dataFile(root, "naslib_zc", "zc_nasbench101_subset.json"))).nasbench101.cifar10 as Record<string, NaslibRecord>;
const keys = Object.keys(published);
const cellOf = keys.map((key) => space.format(space.parse(key)));
const cells = [...new Set(cellOf)];
const hashes = new Set(keys.map((key) => space.facts(space.parse(key)).hash));
writeFileSync(join(runs, "nb101-naslib500.archs"), keys.join("\n") + "\n");

// ---- memory per cell --------------------------------------------------------------------------
interface Footprint {
  fixed: number;
  perImage: number;
}
/** main is null where it was not measured (grasp, the larger, fits batch 32); jacobian is measured where main does not fit 32. */
interface CellMemory {
  grasp: Footprint;
  main: Footprint | null;
  jacobian?: Footprint;
}

/** One float32 wasm memory, reused: each measurement gets a fresh engine (arena) on it, whose high water starts at 0. */
const backend = await wasmBackend();
const SHARED_PASS = new Set<SharedProduct>(["lossGradients", "inputJacobian"]);

/**
 * Fixed and per-image bytes of `group` on `cell`, from the arena's high water at batch 2 and 4:
 * the main group's shared pass (the loss backward, then jacov's second backward from the logits;
 * synflow's float64 pass is one image), or one of grasp's gradient passes with its ReLU sign codes
 * (each of its steps repeats that pass). grasp runs in float64, which doubles every buffer but the
 * packed sign codes (mp,mp,c3,c3:01,02,03,04,05,15,25,34,45 at batch 2 and 4: 341 and 607 MiB in
 * float64, 171 and 304 in float32), so its footprint is twice the float32 one, a slight
 * overestimate: the float64 passes would take five times as long.
 */
function footprint(cell: string, group: Group): Footprint {
  const engine = new Engine(backend);
  const inputs = [2, 4].map((batchSize) => proxyInputs({ batchSize, seed: 0, dataRoot: root }));
  const contextOn = (batch: ProxyInputs) => new ProxyContext(spaceSubject(space, space.parse(cell), "cifar10"), batch, 0, { f32: engine, f64: async () => engine }, SHARED_PASS);
  const highWater = () => engine.arena.stats().highWater;
  let peaks: number[];
  if (group === "main") {
    peaks = inputs.map((batch) => (contextOn(batch).gradientPass(), highWater()));
  } else if (group === "jacobian") {
    const alone = (batch: ProxyInputs) => new ProxyContext(spaceSubject(space, space.parse(cell), "cifar10"), batch, 0, { f32: engine, f64: async () => engine });
    peaks = inputs.map((batch) => (alone(batch).inputJacobian(), highWater()));
  } else {
    const net = contextOn(inputs[0]).network(engine);
    peaks = inputs.map(({ batch }) => (lossPass(engine, net, batch, () => 0, { observer: signRecorder(engine) }), 2 * highWater()));
  }
  const [two, four] = peaks;
  return { fixed: two - (four - two), perImage: (four - two) / 2 };
}

/**
 * NASLib's 32 where the predicted peak fits, else the largest multiple of 4 that does (a store and
 * a process per batch: steps of 4 keep them few), 0 when not even 4 does.
 */
function fittingBatch({ fixed, perImage }: Footprint): number {
  const fits = Math.floor((USABLE_BYTES - fixed) / perImage);
  return fits >= NASLIB_BATCH ? NASLIB_BATCH : Math.floor(fits / BATCH_STEP) * BATCH_STEP;
}

/**
 * grasp's float64 pass is the larger (every buffer doubled, against the main pass's second
 * backward), so the main group is measured only where grasp does not fit batch 32; there the
 * report checks that it is indeed the smaller.
 */
function measureCell(cell: string, known?: CellMemory): CellMemory {
  const grasp = known?.grasp ?? footprint(cell, "grasp");
  const main = known ? known.main : fittingBatch(grasp) === NASLIB_BATCH ? null : footprint(cell, "main");
  const needsJacobian = main !== null && fittingBatch(main) < NASLIB_BATCH;
  return { grasp, main, ...(needsJacobian ? { jacobian: known?.jacobian ?? footprint(cell, "jacobian") } : {}) };
}
const measured = (m: CellMemory | undefined) => m !== undefined && (m.main === null || fittingBatch(m.main) === NASLIB_BATCH || m.jacobian !== undefined);

const memoryFile = join(runs, "nb101-naslib500-memory.json");
const memory: Record<string, CellMemory> = existsSync(memoryFile) ? JSON.parse(readFileSync(memoryFile, "utf8")) : {};
if (!reportOnly) {
  const todo = cells.filter((cell) => !measured(memory[cell]));
  const started = performance.now();
  for (const [i, cell] of todo.entries()) {
    memory[cell] = measureCell(cell, memory[cell]);
    if ((i + 1) % 25 === 0 || i + 1 === todo.length) {
      writeFileSync(memoryFile, JSON.stringify(memory));
      console.error(`memory: ${i + 1}/${todo.length} cells measured (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
}

/** The batch `group` runs `cell` at; 0: not run (jacobian: where main runs at 32, or where 32 does not fit). */
function batchFor(cell: string, group: Group): number {
  const m = memory[cell];
  if (!m) return NaN;
  if (group === "jacobian") return m.jacobian && fittingBatch(m.jacobian) === NASLIB_BATCH ? NASLIB_BATCH : 0;
  const footprint = m[group];
  return footprint ? fittingBatch(footprint) : NASLIB_BATCH;
}

// ---- computing with parzc stats ---------------------------------------------------------------
interface Job {
  group: Group;
  seed: number;
  batch: number;
  store: string;
  list: string;
  /** Work in the list, as Σ FLOPs × batch (what a pass costs). */
  cost: number;
}

/**
 * Phases: the main and jacobian groups for each seed, then grasp for each seed. The first (seed 0's
 * main and jacobian) covers every cell with no time limit, each other phase runs within its
 * --budget-min. A phase runs one `parzc stats` per group and batch, each list in one seeded
 * shuffle, and splits its time between them by their cost, so a phase cut short covers about the
 * same random fraction of every batch's cells, and both seeds the same cells.
 */
function phases(): Job[][] {
  const order = new Random(2026).shuffle([...cells]);
  const firstKey = new Map<string, string>();
  cellOf.forEach((cell, i) => firstKey.has(cell) || firstKey.set(cell, keys[i]));
  const flops = new Map(cells.map((cell) => [cell, space.suiteZeroFlops(space.parse(cell), "cifar10")]));
  const out: Job[][] = [];
  for (const groups of [["main", "jacobian"], ["grasp"]] as Group[][]) {
    for (const seed of seeds) {
      out.push(groups.flatMap((group) => [...new Set(order.map((cell) => batchFor(cell, group)))].filter((b) => b > 0).sort((a, b) => b - a).map((batch) => {
        const members = order.filter((cell) => batchFor(cell, group) === batch);
        const list = join(runs, `nb101-naslib500-${group}-b${batch}.archs`);
        writeFileSync(list, members.map((cell) => firstKey.get(cell)).join("\n") + "\n");
        const cost = members.reduce((sum, cell) => sum + flops.get(cell)! * batch, 0);
        return { group, seed, batch, list, cost, store: join(runs, `nb101-naslib500-${group}-b${batch}-s${seed}.store`) };
      })));
    }
  }
  return out;
}

const statsArgs = (job: Job) => [
  cli, "stats", "--space", "nb101", "--archs", `file:${job.list}`, "--proxies", GROUPS[job.group].join(","),
  "--batch", String(job.batch), "--seed", String(job.seed), "--workers", "1", "--out", job.store, "--data", root, "--json",
];

/** Runs one `parzc stats`, stopping it (SIGINT: it keeps what it finished) at the deadline. */
function runStats(job: Job, deadline: number): Promise<{ failed: { arch: string; reason: string }[] }> {
  console.error(`$ node ${statsArgs(job).join(" ")}`);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, statsArgs(job), { stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    const timer = Number.isFinite(deadline) ? setTimeout(() => child.kill("SIGINT"), Math.max(0, deadline - Date.now())) : undefined;
    child.on("error", fail);
    child.on("close", (code) => {
      clearTimeout(timer);
      const summary = stdout.trim().split("\n").pop();
      if (!summary?.startsWith("{")) return fail(new Error(`parzc stats exited ${code} without a summary`));
      done(JSON.parse(summary) as { failed: { arch: string; reason: string }[] });
    });
  });
}

const failures: { group: Group; seed: number; batch: number; arch: string; reason: string }[] = [];
const plan = phases();
if (!reportOnly && !measureOnly) {
  for (const [p, phase] of plan.entries()) {
    const budget = p === 0 ? Infinity : budgetsMs[Math.min(p - 1, budgetsMs.length - 1)];
    if (!(budget > 0)) continue;
    const phaseEnd = Date.now() + budget;
    for (const [j, job] of phase.entries()) {
      // This job's share of the phase's time left, by cost; what a job leaves unused rolls over.
      const left = phase.slice(j).reduce((sum, k) => sum + k.cost, 0);
      const { failed } = await runStats(job, Date.now() + (phaseEnd - Date.now()) * (job.cost / left));
      failures.push(...failed.map((f) => ({ group: job.group, seed: job.seed, batch: job.batch, ...f })));
    }
  }
}

// ---- our scores, from the stores' exports -----------------------------------------------------
/** seed → cell → proxy → score; and the batch each score was computed at. */
const ours = new Map<number, Map<string, Record<string, number>>>();
const batchOfScore = new Map<string, number>();
for (const job of plan.flat()) {
  if (!existsSync(job.store)) continue;
  const exported = join(runs, `nb101-naslib500-${job.group}-b${job.batch}-s${job.seed}.jsonl`);
  const run = spawnSync(process.execPath, [cli, "stats", "export", "--store", job.store, "--out", exported], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`parzc stats export --store ${job.store} failed: ${run.stderr}`);
  const bySeed = ours.get(job.seed) ?? ours.set(job.seed, new Map()).get(job.seed)!;
  for (const line of readFileSync(exported, "utf8").split("\n")) {
    if (!line) continue;
    const record = JSON.parse(line) as { arch: string; proxies: Record<string, { score: number | null }> };
    const scores = bySeed.get(record.arch) ?? bySeed.set(record.arch, {}).get(record.arch)!;
    for (const [proxy, { score }] of Object.entries(record.proxies)) {
      // The jacobian group's batch-32 scores replace these (its jobs come later in the plan); none where 32 does not fit.
      if (BATCH_SIZED.has(proxy) && job.batch !== NASLIB_BATCH) continue;
      scores[proxy] = score ?? NaN;
      if (job.seed === seeds[0]) batchOfScore.set(`${record.arch} ${proxy}`, job.batch);
    }
  }
}

// ---- the report ---------------------------------------------------------------------------------
const perRecord = (seed: number, proxy: string) => cellOf.map((cell) => ours.get(seed)?.get(cell)?.[proxy] ?? NaN);
const column = (name: keyof NaslibRecord) => keys.map((key) => published[key][name]);
const finiteCount = (values: number[]) => values.filter(Number.isFinite).length;
/** ρ over the records where every listed vector is finite. */
function rhoWhere(x: number[], y: number[], ...others: number[][]): number {
  const keep = x.map((_, i) => [x, y, ...others].every((v) => Number.isFinite(v[i])));
  return spearman(x.filter((_, i) => keep[i]), y.filter((_, i) => keep[i]));
}
/** NASLib's repeat agreement: its first two records of every cell it holds more than once. */
function naslibRepeatRho(proxy: keyof NaslibRecord): { rho: number; pairs: number } {
  const seen = new Map<string, number>();
  const a: number[] = [], b: number[] = [];
  cellOf.forEach((cell, i) => {
    const first = seen.get(cell);
    if (first === undefined) seen.set(cell, i);
    else if (first >= 0) a.push(published[keys[first]][proxy]), b.push(published[keys[i]][proxy]), seen.set(cell, -1);
  });
  return { rho: spearman(a, b), pairs: a.length };
}

/** "32: 250, 28: 40, 24: 11" (cells per batch) for a list of batches. */
function batchSpread(batches: number[]): string {
  const counts = new Map<number, number>();
  for (const batch of batches) counts.set(batch, (counts.get(batch) ?? 0) + 1);
  return [...counts].sort(([x], [y]) => y - x).map(([batch, n]) => `${batch}: ${n}`).join(", ");
}

/**
 * NASLib's protocol with our two batches: each record takes seed 0's or seed 1's score at random
 * (as NASLib drew a fresh batch for every call), ρ with val_accuracy averaged over 200 such draws,
 * on the records both seeds cover.
 */
function batchPerRecordRho(first: number[], second: number[]): number {
  const both = first.map((_, i) => i).filter((i) => Number.isFinite(first[i]) && Number.isFinite(second[i]));
  if (both.length < 3) return NaN;
  const random = new Random(7);
  let sum = 0;
  for (let draw = 0; draw < 200; draw++) sum += spearman(both.map((i) => (random.uniform() < 0.5 ? first : second)[i]), both.map((i) => accuracy[i]));
  return sum / 200;
}

const accuracy = column("val_accuracy");
const params = column("params");
const [s0, s1] = seeds;
const rows = NASLIB_PROXIES.map((proxy) => {
  const mine = perRecord(s0, proxy);
  const other = s1 === undefined ? [] : perRecord(s1, proxy);
  const theirs = column(proxy);
  const seedToSeed = s1 === undefined ? NaN : rhoWhere(mine, other);
  const vsReference = rhoWhere(mine, theirs);
  const oursVsAcc = rhoWhere(mine, accuracy);
  // NASLib's over the records we have (all 500 once seed 0 is complete), so (b) compares like with like.
  const theirsVsAcc = rhoWhere(theirs, accuracy, mine);
  const repeat = naslibRepeatRho(proxy).rho;
  const a = !(seedToSeed >= 0.95) ? "n/a" : vsReference >= 0.9 ? "pass" : "MISS";
  const b = Math.abs(oursVsAcc - theirsVsAcc) <= 0.05 ? "pass" : "MISS";
  const signed = mine.map((v, i) => [v, theirs[i]]).filter(([v]) => Number.isFinite(v));
  const logged = (v: number) => (proxy === "synflow" ? Math.log(v) : v); // NASLib stores ln S
  const ratios = signed.map(([v, t]) => logged(v) / t).sort((x, y) => x - y);
  return {
    proxy,
    records: finiteCount(mine),
    records_seed1: finiteCount(other),
    both_seeds: mine.filter((v, i) => Number.isFinite(v) && Number.isFinite(other[i])).length,
    cells_by_batch: batchSpread(cells.flatMap((cell) => batchOfScore.get(`${cell} ${proxy}`) ?? [])),
    vs_naslib: round(vsReference, 3),
    seed_to_seed: round(seedToSeed, 3),
    naslib_repeat: round(repeat, 3),
    ours_vs_acc: round(oursVsAcc, 3),
    naslib_vs_acc: round(theirsVsAcc, 3),
    naslib_vs_acc_all: round(spearman(theirs, accuracy), 3),
    a,
    b,
    // Diagnostics for the misses. Noise attenuates a correlation by the square root of each side's
    // reliability (test–retest ρ): ρ(ours, NASLib) can reach about √(ours · NASLib's repeat ρ), and
    // NASLib's noise alone would pull our ρ with val_accuracy to about ours · √(NASLib's / ours).
    ceiling: round(Math.sqrt(seedToSeed * repeat), 3),
    ours_vs_acc_at_naslib_noise: round(oursVsAcc * Math.sqrt(repeat / seedToSeed), 3),
    same_sign: round(signed.filter(([v, t]) => Math.sign(v) === Math.sign(t)).length / signed.length, 3),
    median_ratio: round(ratios[Math.floor(ratios.length / 2)] ?? NaN, 4),
    ours_vs_acc_batch_per_record: round(batchPerRecordRho(mine, other), 3),
    ours_vs_params: round(rhoWhere(mine, params), 3),
    naslib_vs_params: round(rhoWhere(theirs, params, mine), 3),
  };
});

const peakAt32 = (m: Footprint) => m.fixed + NASLIB_BATCH * m.perImage;
const bothMeasured = cells.filter((cell) => memory[cell]?.main);
/** The cells each group runs: every cell, or for jacobian those whose main pass does not fit 32. */
const groupCells = (group: Group) => (group === "jacobian" ? cells.filter((cell) => batchFor(cell, "main") < NASLIB_BATCH) : cells);
const summary = {
  records: keys.length,
  cells: cells.length,
  hashes: hashes.size,
  naslib_repeat_pairs: naslibRepeatRho("snip").pairs,
  memory: Object.fromEntries((Object.keys(GROUPS) as Group[]).map((group) => {
    const members = groupCells(group);
    const below = members.filter((cell) => batchFor(cell, group) < NASLIB_BATCH);
    return [group, {
      cells: members.length,
      fit_32: members.length - below.length,
      below_32: below.map((cell) => ({ cell, batch: batchFor(cell, group), records: cellOf.filter((c) => c === cell).length })),
    }];
  })),
  main_below_grasp: `${bothMeasured.filter((cell) => peakAt32(memory[cell].main!) < peakAt32(memory[cell].grasp)).length} of ${bothMeasured.length}`,
  failures,
  rows,
};

if (wantsJson()) console.log(JSON.stringify(summary));
else {
  console.log(`NASLib's NB101 500: ${summary.records} records, ${summary.cells} distinct pruned cells (${summary.hashes} graph hashes); NASLib drew ${summary.naslib_repeat_pairs} cells more than once`);
  for (const group of Object.keys(GROUPS) as Group[]) {
    const { cells: count, fit_32, below_32 } = summary.memory[group];
    const records = below_32.reduce((sum, b) => sum + b.records, 0);
    const what = { main: "the float32 proxies", jacobian: "jacov and epe_nas alone, on the cells above that do not fit", grasp: "grasp (float64)" }[group];
    const lower = group === "jacobian" ? `; ${below_32.length} (${records} records) do not and have no jacov/epe_nas score: ${below_32.map((b) => b.cell).join(" ")}`
      : `; ${below_32.length} (${records} records) do not; cells per largest batch that fits, in steps of 4: ${batchSpread(below_32.map((b) => b.batch))}`;
    console.log(`memory, ${what}: ${fit_32} of ${count} cells fit batch 32${below_32.length === 0 ? "" : lower}`);
  }
  console.log(`where both were measured, the float32 pass needs less than grasp's at batch 32 for ${summary.main_below_grasp} cells`);
  if (failures.length > 0) console.log(`failed: ${failures.map((f) => `${f.group} s${f.seed} b${f.batch} ${f.arch}: ${f.reason}`).join("; ")}`);
  console.log("");
  console.log("| proxy | records: seed 0 / seed 1 / both | cells by batch | ρ ours vs NASLib | ρ seed 0 vs 1 | NASLib repeat ρ | ρ ours vs val_acc | ρ NASLib vs val_acc (our records / all 500) | (a) | (b) |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(`| ${r.proxy} | ${r.records} / ${r.records_seed1} / ${r.both_seeds} | ${r.cells_by_batch} | ${r.vs_naslib} | ${r.seed_to_seed} | ${r.naslib_repeat} | ${r.ours_vs_acc} | ${r.naslib_vs_acc} / ${r.naslib_vs_acc_all} | ${r.a} | ${r.b} |`);
  }
  console.log("");
  console.log("| proxy | noise ceiling √(ρ seed-to-seed · NASLib repeat ρ) | ρ ours vs val_acc at NASLib's noise | ρ ours vs val_acc, a seed drawn per record | same sign as NASLib | median ours/NASLib (synflow: ln ours) | ρ ours vs params | ρ NASLib vs params |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.proxy} | ${r.ceiling} | ${r.ours_vs_acc_at_naslib_noise} | ${r.ours_vs_acc_batch_per_record} | ${r.same_sign} | ${r.median_ratio} | ${r.ours_vs_params} | ${r.naslib_vs_params} |`);
}
