// Issue [spaces]: peak wasm memory and time of one full-size NB101 forward+backward (stem 128,
// CIFAR-10 images, train-mode BN, cross-entropy) on the cell of the 2,500 labelled ones that needs
// the most memory, and on the median one, at several batches. The engine keeps every activation
// and gradient to the end of the pass, so a pass's peak is what its arena holds when backward
// ends: weights and their gradients (fixed), plus activations and their gradients (per image).
// The cells are ranked by that peak at stem 8 and batch 1, the top 5 re-measured at stem 128;
// batch 1 and 2 give the fixed and per-image parts, and a batch whose predicted peak passes
// wasm32's 4 GiB is reported as predicted instead of run. Reads nb101/nb101_2500_test_acc.json from the data root.
//   node --import tsx bench/nb101-memory.ts [--data ../shared/data] [--batches 32,64,128] [--json]
import { readDataText } from "../src/data/dataBytes.js";
import { cifarBatch, readCifar10 } from "../src/data/cifar10.js";
import { dataFile, resolveDataRoot } from "../src/data/paths.js";
import { Engine } from "../src/engine/engine.js";
import { lossPass, type LabelledBatch } from "../src/engine/lossPass.js";
import { fromBatchMajor } from "../src/engine/ops/layout.js";
import { formatCell, parseCell } from "../src/spaces/nb101/codec.js";
import { nb101Cost } from "../src/spaces/nb101/cost.js";
import { nb101Network } from "../src/spaces/nb101/network.js";
import type { Nb101Cell } from "../src/spaces/nb101/ops.js";
import { round } from "./archs.js";
import { argValue, wantsJson } from "./timing.js";

const MiB = 1024 * 1024;
const batches = argValue("batches", "32,64,128").split(",").map(Number);
const dataArg = process.argv.includes("--data") ? argValue("data", "") : undefined;
const root = resolveDataRoot(dataArg);
const labelled = JSON.parse(readDataText(dataFile(root, "nb101", "nb101_2500_test_acc.json"))) as [[number[][], string[]], number][];
const cells = labelled.map(([[matrix, ops]]) => parseCell(JSON.stringify({ matrix, ops })));
const cifar = readCifar10(dataFile(root, "cifar10", "data_batch_1_first1000.bin"));
const batchOf = (n: number): LabelledBatch => {
  const images = cifarBatch(cifar, [...Array(n).keys()], "parzc");
  return { x: images.x, shape: [n, 3, 32, 32], labels: images.labels };
};

interface Measure {
  /** Weights plus everything the pass held at its end, in bytes. */
  peakBytes: number;
  /** The wasm memory's size afterwards (it never shrinks). */
  memoryBytes: number;
  ms: number;
}

/** One pass on a fresh arena: its peak is the arena's use when backward has ended. */
function measure(engine: Engine, cell: Nb101Cell, stemChannels: number, batch: LabelledBatch): Measure {
  engine.resetAll();
  const net = nb101Network(cell, { stemChannels });
  net.allocate(engine, 0);
  const start = performance.now();
  const peakBytes = lossPass(engine, net, batch, () => engine.arena.stats().used);
  return { peakBytes, memoryBytes: engine.arena.stats().memoryBytes, ms: performance.now() - start };
}

/** Weights and activations (no backward) of one pass, in bytes. */
function forwardBytes(engine: Engine, cell: Nb101Cell, batch: LabelledBatch): number {
  engine.resetAll();
  const net = nb101Network(cell);
  net.allocate(engine, 0);
  return engine.withPass(() => {
    net.forward(engine, fromBatchMajor(engine, batch.x, batch.shape));
    return engine.arena.stats().used;
  });
}

const WASM32_BYTES = 4 * 1024 * MiB;
const engine = await Engine.create();
const one = batchOf(1);
const ranked = cells.map((cell) => ({ cell, small: measure(engine, cell, 8, one).peakBytes })).sort((a, b) => b.small - a.small);
const finalists = ranked.slice(0, 5).map(({ cell }) => ({ cell, full: measure(engine, cell, 128, one) }));
finalists.sort((a, b) => b.full.peakBytes - a.full.peakBytes);
const mib = (bytes: number) => round(bytes / MiB, 0);

function profile(cell: Nb101Cell) {
  const p1 = measure(engine, cell, 128, one).peakBytes;
  const p2 = measure(engine, cell, 128, batchOf(2)).peakBytes;
  const perImage = p2 - p1;
  const fixed = p1 - perImage;
  const predicted = (n: number) => fixed + n * perImage;
  // Leave 64 MiB for the arena's alignment and the im2col scratch growing with the batch.
  const fits = Math.floor((WASM32_BYTES - 64 * MiB - fixed) / perImage);
  const run = (n: number) => {
    if (predicted(n) > WASM32_BYTES) return { batch: n, predicted_mib: mib(predicted(n)), fits: false };
    const m = measure(engine, cell, 128, batchOf(n));
    return { batch: n, peak_mib: mib(m.peakBytes), predicted_mib: mib(predicted(n)), wasm_memory_mib: mib(m.memoryBytes), seconds: round(m.ms / 1000, 2), fits: true };
  };
  const cost = nb101Cost(cell);
  const activations = forwardBytes(engine, cell, batchOf(2)) - forwardBytes(engine, cell, one);
  return {
    cell: formatCell(cell),
    params_m: cost.params,
    flops_m: cost.flops,
    nodes: nb101Network(cell).nodes().length,
    fixed_mib: round(fixed / MiB, 1),
    per_image_mib: round(perImage / MiB, 1),
    forward_per_image_mib: round(activations / MiB, 1),
    largest_batch_in_4gib: fits,
    rows: [...batches, ...(batches.includes(fits) ? [] : [fits])].filter((n) => n >= 1).sort((a, b) => a - b).map(run),
  };
}

const largest = profile(finalists[0].cell);
const median = profile(ranked[Math.floor(ranked.length / 2)].cell);
const summary = { finalists: finalists.map(({ cell, full }) => ({ cell: formatCell(cell), batch1_peak_mib: round(full.peakBytes / MiB, 1) })), largest, median };
if (wantsJson()) console.log(JSON.stringify(summary));
else {
  console.log(`top 5 of the ${cells.length} by batch-1 peak at stem 128: ${summary.finalists.map((f) => `${f.cell} ${f.batch1_peak_mib} MiB`).join(", ")}`);
  for (const [label, p] of [["largest", largest], ["median", median]] as const) {
    console.log(`${label}: ${p.cell} (${p.params_m} M params, ${p.flops_m} MFLOPs, ${p.nodes} nodes): fixed ${p.fixed_mib} MiB + ${p.per_image_mib} MiB per image (${p.forward_per_image_mib} of it forward activations); up to batch ${p.largest_batch_in_4gib} fits in 4 GiB`);
    for (const row of p.rows) {
      if (!row.fits) console.log(`  batch ${row.batch}: needs about ${row.predicted_mib} MiB, more than wasm32's 4 GiB`);
      else console.log(`  batch ${row.batch}: peak ${row.peak_mib} MiB (predicted ${row.predicted_mib}; wasm memory ${row.wasm_memory_mib} MiB), ${row.seconds} s per forward+backward`);
    }
  }
}
