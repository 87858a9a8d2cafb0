// Wasm kernels against their plain-TS references (src/reference/) and, where PyTorch is
// installed, against PyTorch on this machine, one thread each; the *_f64 rows time the F64
// twins against the f32 kernels. gflops is ours, for the matmul-shaped rows only (null for
// memory-bound kernels). Also the model's DiffKendall kernel and the O(n log n) Kendall τ-b,
// each against its plain-TS definition. The table is recorded in bench/RESULTS.md.
//   node --import tsx bench/kernels.ts [--json] [--repeats 15] [--no-record]
import { spawnSync } from "node:child_process";
import { kendallTau } from "../src/metrics/kendall.js";
import { diffKendallReference, diffKendallReferenceGrad } from "../src/model/losses/diffKendallReference.js";
import { modelEngine } from "../src/model/predictor.js";
import { createRuntime } from "../src/model/runtime.js";
import * as batchnorm from "../src/reference/batchnorm.js";
import * as channels from "../src/reference/channels.js";
import * as conv from "../src/reference/conv.js";
import * as gemm from "../src/reference/gemm.js";
import { accumulate } from "../src/reference/elementwise.js";
import { kendallTauDefinition } from "../src/reference/kendall.js";
import * as maxPool from "../src/reference/maxPool.js";
import * as pool from "../src/reference/pool.js";
import { Random } from "../src/util/random.js";
import { Arena } from "../src/wasm/arena.js";
import type { KernelExports } from "../src/wasm/exports.js";
import { float64Kernels } from "../src/wasm/float64.js";
import { loadWasm } from "../src/wasm/load.js";
import { randomBuffers } from "./randomBuffers.js";
import { recordResults, recording } from "./record.js";
import { argValue, medianMs, torchPython, wantsJson } from "./timing.js";

interface Row {
  name: string;
  ours_ms: number;
  baseline: string;
  baseline_ms: number;
  ratio: number;
  gflops: number | null;
}

const repeats = Number(argValue("repeats", "15"));
const slowRepeats = 3; // the plain-TS baselines take up to seconds per run
const core = await loadWasm();
const k = core.exports;
const k64 = float64Kernels(core.exports);
const arena = new Arena(core.memory, k.heapBase());
const random = new Random(1);
const randomBuffer = randomBuffers(arena, random);

/** A copy of the n floats at ptr, for the plain-TS side. */
const host = (ptr: number, n: number): Float32Array => arena.f32(ptr, n).slice();

const rows: Row[] = [];
function row(name: string, oursMs: number, baseline: string, baselineMs: number, flops?: number): void {
  rows.push({ name, ours_ms: oursMs, baseline, baseline_ms: baselineMs, ratio: baselineMs / oursMs, gflops: flops ? flops / (oursMs * 1e6) : null });
}

function torchTimes(): Record<string, number> | undefined {
  const python = torchPython();
  if (!python) {
    console.error("note: /usr/bin/python3 has no torch (apt-get install python3-torch); the *_torch rows are skipped");
    return undefined;
  }
  const run = spawnSync(python, ["bench/torch_kernels.py", "--repeats", String(repeats)], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`bench/torch_kernels.py failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, number>;
}

const torch = torchTimes();

// sgemm, square: 256 against the triple loop, 1024 (too slow for it) only against PyTorch.
for (const n of [256, 1024]) {
  const A = randomBuffer(n * n), B = randomBuffer(n * n), C = arena.alloc(n * n * 4);
  const ours = medianMs(() => k.sgemm(0, 0, n, n, n, 1, A, n, B, n, 0, C, n), { repeats, warmup: 3 });
  if (n === 256) {
    const [a, b, c] = [host(A, n * n), host(B, n * n), new Float32Array(n * n)];
    row(`sgemm_${n}`, ours, "plain-ts", medianMs(() => gemm.sgemm(false, false, n, n, n, 1, a, n, b, n, 0, c, n), { repeats: slowRepeats }), 2 * n ** 3);
    const [A64, B64, C64] = [randomBuffer(n * n, 8), randomBuffer(n * n, 8), arena.alloc(n * n * 8)];
    row(`sgemm_${n}_f64`, medianMs(() => k64.sgemm(0, 0, n, n, n, 1, A64, n, B64, n, 0, C64, n), { repeats, warmup: 3 }), "f32", ours, 2 * n ** 3);
  }
  if (torch) row(`sgemm_${n}_torch`, ours, "torch", torch[`matmul_${n}_ms`], 2 * n ** 3);
}

// conv3x3: N16, C16→O16, 32×32, pad 1 (an NB201 first-stage nor_conv_3x3 at batch 16).
const shape = { C: 16, N: 16, H: 32, W: 32, O: 16, k: 3, stride: 1, pad: 1 };
const { C, N, H, W, O } = shape;
const P = N * H * W, taps = C * 9;
const convFlops = 2 * O * taps * P;
/** The conv's buffers in f32 (bytes = 4) or f64, and its passes on the matching kernels. */
function convPasses(kernels: KernelExports, bytes: 4 | 8) {
  const x = randomBuffer(C * P, bytes), w = randomBuffer(O * taps, bytes), dy = randomBuffer(O * P, bytes);
  const y = arena.alloc(O * P * bytes), dx = arena.alloc(C * P * bytes), dw = arena.alloc(O * taps * bytes);
  const scratch = arena.alloc(taps * P * bytes);
  const forward = () => kernels.conv2dForward(x, w, C, N, H, W, O, 3, 1, 1, y, scratch);
  const forwardBackward = () => {
    forward();
    kernels.conv2dBackward(x, w, dy, C, N, H, W, O, 3, 1, 1, dx, dw, scratch);
  };
  return { x, w, dy, forward, forwardBackward };
}
const { x, w, dy, forward: convForward, forwardBackward: convForwardBackward } = convPasses(k, 4);
const oursConvFwd = medianMs(convForward, { repeats, warmup: 3 });
const oursConvFwdBwd = medianMs(convForwardBackward, { repeats, warmup: 3 });
{
  const [hx, hw, hdy] = [host(x, C * P), host(w, O * taps), host(dy, O * P)];
  const hy = new Float32Array(O * P), hdx = new Float32Array(C * P), hdw = new Float32Array(O * taps);
  row("conv3x3_fwd", oursConvFwd, "plain-ts", medianMs(() => conv.conv2dForward(hx, hw, shape, hy), { repeats: slowRepeats }), convFlops);
  const plainFwdBwd = medianMs(() => {
    conv.conv2dForward(hx, hw, shape, hy);
    conv.conv2dBackward(hx, hw, hdy, shape, hdx, hdw);
  }, { repeats: slowRepeats });
  row("conv3x3_fwd_bwd", oursConvFwdBwd, "plain-ts", plainFwdBwd, 3 * convFlops);
}
row("conv3x3_fwd_bwd_f64", medianMs(convPasses(k64, 8).forwardBackward, { repeats, warmup: 3 }), "f32", oursConvFwdBwd, 3 * convFlops);
if (torch) {
  row("conv3x3_fwd_torch", oursConvFwd, "torch", torch.conv3x3_fwd_ms, convFlops);
  row("conv3x3_fwd_bwd_torch", oursConvFwdBwd, "torch", torch.conv3x3_fwd_bwd_ms, 3 * convFlops);
}

// The same conv by Winograd F(4×4, 3×3), against the im2col kernel above and against PyTorch.
// gflops counts the direct conv's flops, so it is an effective rate.
{
  const y = arena.alloc(O * P * 4), dx = arena.alloc(C * P * 4), dw = arena.alloc(O * taps * 4);
  const scratch = arena.alloc(k.winogradScratchFloats(C, N, H, W, O) * 4);
  const forward = () => k.winogradConv3x3Forward(x, w, C, N, H, W, O, y, scratch);
  const fwd = medianMs(forward, { repeats, warmup: 3 });
  const fwdBwd = medianMs(() => {
    forward();
    k.winogradConv3x3Backward(x, w, dy, C, N, H, W, O, dx, dw, scratch);
  }, { repeats, warmup: 3 });
  row("winograd3x3_fwd", fwd, "im2col", oursConvFwd, convFlops);
  row("winograd3x3_fwd_bwd", fwdBwd, "im2col", oursConvFwdBwd, 3 * convFlops);
  if (torch) {
    row("winograd3x3_fwd_torch", fwd, "torch", torch.conv3x3_fwd_ms, convFlops);
    row("winograd3x3_fwd_bwd_torch", fwdBwd, "torch", torch.conv3x3_fwd_bwd_ms, 3 * convFlops);
  }
}

// NB101's widest layer (stage 3: 512→512 channels, 8×8, batch 16), forward + backward: Winograd,
// whose blocks hold few tiles at this width, against im2col and PyTorch.
{
  const [C, N, H, W, O] = [512, 16, 8, 8, 512];
  const P = N * H * W, taps = C * 9, flops = 3 * 2 * O * taps * P;
  const [x, w, dy] = [randomBuffer(C * P), randomBuffer(O * taps), randomBuffer(O * P)];
  const [y, dx, dw] = [arena.alloc(O * P * 4), arena.alloc(C * P * 4), arena.alloc(O * taps * 4)];
  const scratch = arena.alloc(Math.max(k.winogradScratchFloats(C, N, H, W, O), taps * P) * 4);
  const winograd = medianMs(() => {
    k.winogradConv3x3Forward(x, w, C, N, H, W, O, y, scratch);
    k.winogradConv3x3Backward(x, w, dy, C, N, H, W, O, dx, dw, scratch);
  }, { repeats: slowRepeats, warmup: 1 });
  const im2col = medianMs(() => {
    k.conv2dForward(x, w, C, N, H, W, O, 3, 1, 1, y, scratch);
    k.conv2dBackward(x, w, dy, C, N, H, W, O, 3, 1, 1, dx, dw, scratch);
  }, { repeats: slowRepeats, warmup: 1 });
  row("winograd3x3_c512_8x8_fwd_bwd", winograd, "im2col", im2col, flops);
  if (torch) row("winograd3x3_c512_8x8_fwd_bwd_torch", winograd, "torch", torch.conv3x3_c512_8x8_fwd_bwd_ms, flops);
}

// Seeded initialisation, 1 M weights: the wasm fills against Random drawing in a JS loop (the same values).
{
  const n = 1 << 20;
  const dst = arena.alloc(n * 4);
  const host = new Float32Array(n);
  const normalStd = 0.0295, bound = 0.125;
  row("init_normal_1M", medianMs(() => k.fillNormal(dst, n, 7, normalStd), { repeats, warmup: 1 }), "plain-ts", medianMs(() => {
    const random = new Random(7);
    for (let i = 0; i < n; i++) host[i] = Math.fround(random.normal() * normalStd);
  }, { repeats: slowRepeats }));
  row("init_uniform_1M", medianMs(() => k.fillSymmetric(dst, n, 7, bound), { repeats, warmup: 1 }), "plain-ts", medianMs(() => {
    const random = new Random(7);
    for (let i = 0; i < n; i++) host[i] = Math.fround(random.symmetric(bound));
  }, { repeats: slowRepeats }));
}

// Batch norm, C16 × P16384, forward + backward.
{
  const channels = 16, perChannel = 16384, n = channels * perChannel;
  const bx = randomBuffer(n), bdy = randomBuffer(n), gamma = randomBuffer(channels), beta = randomBuffer(channels);
  const by = arena.alloc(n * 4), bdx = arena.alloc(n * 4), mean = arena.alloc(channels * 4), invStd = arena.alloc(channels * 4);
  const dgamma = arena.alloc(channels * 4), dbeta = arena.alloc(channels * 4);
  const ours = medianMs(() => {
    k.batchNormForward(bx, gamma, beta, channels, perChannel, 1e-5, by, mean, invStd);
    k.batchNormBackward(bx, bdy, gamma, mean, invStd, channels, perChannel, bdx, dgamma, dbeta);
  }, { repeats, warmup: 3 });
  const [hx, hdy, hg, hb] = [host(bx, n), host(bdy, n), host(gamma, channels), host(beta, channels)];
  const hy = new Float32Array(n), hdx = new Float32Array(n), hm = new Float32Array(channels), hs = new Float32Array(channels);
  const hdg = new Float32Array(channels), hdb = new Float32Array(channels);
  const plain = medianMs(() => {
    batchnorm.batchNormForward(hx, hg, hb, channels, perChannel, 1e-5, hy, hm, hs);
    batchnorm.batchNormBackward(hx, hdy, hg, hm, hs, channels, perChannel, hdx, hdg, hdb);
  }, { repeats: slowRepeats });
  row("batchnorm_fwd_bwd", ours, "plain-ts", plain);
}

// avg_pool_3x3 on 16 channels × batch 16 of 32×32 planes, forward + backward.
{
  const planes = 256, side = 32, n = planes * side * side;
  const px = randomBuffer(n), pdy = randomBuffer(n), py = arena.alloc(n * 4), pdx = arena.alloc(n * 4);
  const ours = medianMs(() => {
    k.avgPool3x3Forward(px, planes, side, side, py);
    k.avgPool3x3Backward(pdy, planes, side, side, pdx);
  }, { repeats, warmup: 3 });
  const [hx, hdy, hy, hdx] = [host(px, n), host(pdy, n), new Float32Array(n), new Float32Array(n)];
  const plain = medianMs(() => {
    pool.avgPool3x3Forward(hx, planes, side, side, hy);
    pool.avgPool3x3Backward(hdy, planes, side, side, hdx);
  }, { repeats: slowRepeats });
  row("avgpool3x3_fwd_bwd", ours, "plain-ts", plain);
}

// NB101's max pools on 128 channels × batch 16 of 32×32 planes (its first stage), forward + backward:
// the cell op (3×3, stride 1, pad 1) and the downsampling (2×2, stride 2).
{
  const planes = 128 * 16, side = 32, n = planes * side * side;
  const px = randomBuffer(n), pdy = randomBuffer(n), py = arena.alloc(n * 4), pdx = arena.alloc(n * 4);
  const [hx, hdy, hy, hdx] = [host(px, n), host(pdy, n), new Float32Array(n), new Float32Array(n)];
  const pools = [
    { name: "maxpool3x3", out: n, wasm: [k.maxPool3x3Forward, k.maxPool3x3Backward], plain: [maxPool.maxPool3x3Forward, maxPool.maxPool3x3Backward] },
    { name: "maxpool2x2", out: n / 4, wasm: [k.maxPool2x2Forward, k.maxPool2x2Backward], plain: [maxPool.maxPool2x2Forward, maxPool.maxPool2x2Backward] },
  ] as const;
  for (const { name, wasm: [forward, backward], plain: [plainForward, plainBackward] } of pools) {
    const ours = medianMs(() => {
      forward(px, planes, side, side, py);
      backward(px, pdy, planes, side, side, pdx);
    }, { repeats, warmup: 3 });
    const plain = medianMs(() => {
      plainForward(hx, planes, side, side, hy);
      plainBackward(hx, hdy, planes, side, side, hdx);
    }, { repeats: slowRepeats });
    row(`${name}_fwd_bwd`, ours, "plain-ts", plain);
    if (torch) row(`${name}_fwd_bwd_torch`, ours, "torch", torch[`${name}_fwd_bwd_ms`]);
  }
}

// NB101's channel ops at 128 channels × batch 16 of 32×32: a cell output concatenating three vertex
// outputs (43 + 43 + 42 channels), forward (copies) + backward (accumulates); and a truncation of
// 128 channels to 127, whose forward is a view, so only its backward (one accumulate) is timed.
{
  const plane = 16 * 32 * 32, blocks = [43, 43, 42].map((c) => c * plane), n = 128 * plane;
  const parts = blocks.map((size) => randomBuffer(size)), partGrads = blocks.map((size) => arena.alloc(size * 4));
  const cy = arena.alloc(n * 4), cdy = randomBuffer(n);
  const ours = medianMs(() => {
    let offset = 0;
    blocks.forEach((size, i) => {
      k.copy(parts[i], size, cy + offset * 4);
      k.accumulate(cdy + offset * 4, size, partGrads[i]);
      offset += size;
    });
  }, { repeats, warmup: 3 });
  const [hParts, hGrads, hy, hdy] = [parts.map((ptr, i) => host(ptr, blocks[i])), blocks.map((size) => new Float32Array(size)), new Float32Array(n), host(cdy, n)];
  const plain = medianMs(() => {
    let offset = 0;
    blocks.forEach((size, i) => {
      channels.copy(hParts[i], size, hy.subarray(offset));
      accumulate(hdy.subarray(offset), size, hGrads[i]);
      offset += size;
    });
  }, { repeats: slowRepeats });
  row("concat_fwd_bwd", ours, "plain-ts", plain);
  if (torch) row("concat_fwd_bwd_torch", ours, "torch", torch.concat_channels_fwd_bwd_ms);
  const kept = 127 * plane, tdy = randomBuffer(kept), tdx = arena.alloc(n * 4);
  const [htdy, htdx] = [host(tdy, kept), new Float32Array(n)];
  const truncate = medianMs(() => k.accumulate(tdy, kept, tdx), { repeats, warmup: 3 });
  row("truncate_bwd", truncate, "plain-ts", medianMs(() => accumulate(htdy, kept, htdx), { repeats: slowRepeats }));
  if (torch) row("truncate_bwd_torch", truncate, "torch", torch.truncate_channels_fwd_bwd_ms);
}

// DiffKendall forward + backward at n = 1000 (the model's loss kernel, its own wasm instance),
// against the plain-TS spec of the loss and its gradient.
{
  const n = 1000;
  const x = Float64Array.from({ length: n }, () => random.normal()), y = Float64Array.from({ length: n }, () => random.normal());
  const { engine, kernels } = createRuntime(await modelEngine("f32"));
  const ours = engine.withPass(() => {
    const xs = engine.fromArray(x, [n]), ys = engine.fromArray(y, [n]), dx = engine.zeros([n]), scratch = engine.empty([2 * n]);
    return medianMs(() => {
      kernels.diffKendallForward(xs.ptr, ys.ptr, n, 0.5, scratch.ptr);
      kernels.diffKendallBackward(xs.ptr, ys.ptr, n, 0.5, 1, dx.ptr, scratch.ptr);
    }, { repeats, warmup: 3 });
  });
  row(`diffkendall_${n}`, ours, "plain-ts", medianMs(() => { diffKendallReference(x, y, 0.5); diffKendallReferenceGrad(x, y, 0.5); }, { repeats: slowRepeats }));
}

// Kendall τ-b over 10,000 pairs with ties (accuracies to 2 decimals): merge-sort O(n log n) against the definition.
{
  const n = 10000;
  const x = Float64Array.from({ length: n }, () => random.normal()), y = Float64Array.from({ length: n }, () => Math.round(random.normal() * 100) / 100);
  row(`kendall_taub_${n}`, medianMs(() => kendallTau(x, y), { repeats, warmup: 3 }), "plain-ts", medianMs(() => kendallTauDefinition(x, y), { repeats: slowRepeats }));
}

const fixed = (v: number | null, digits: number) => (v === null || Number.isNaN(v) ? "-" : v.toFixed(digits));
if (wantsJson()) {
  for (const r of rows) console.log(JSON.stringify(r));
} else {
  console.log(`${"kernel".padEnd(26)}${"ours ms".padStart(10)}  ${"baseline".padEnd(9)}${"base ms".padStart(10)}${"ratio".padStart(9)}${"GFLOP/s".padStart(9)}`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(26)}${fixed(r.ours_ms, 3).padStart(10)}  ${r.baseline.padEnd(9)}${fixed(r.baseline_ms, 3).padStart(10)}${fixed(r.ratio, 2).padStart(9)}${fixed(r.gflops, 1).padStart(9)}`);
  }
}
if (recording()) {
  const table = rows.map((r) => `| ${r.name} | ${fixed(r.ours_ms, 3)} | ${r.baseline} | ${fixed(r.baseline_ms, 3)} | ${fixed(r.ratio, 2)} | ${fixed(r.gflops, 1)} |`);
  recordResults("kernels", "Kernel microbenchmarks", "npm run bench:kernels", [
    "Median ms, one thread; ratio = baseline ms / ours (> 1: ours is faster). plain-ts: the reference in `src/reference/` or the model's loss spec; torch: Debian PyTorch 1.13, same run; f32: the float32 kernel (for the f64 twins); im2col: our im2col conv (for Winograd). Timed while other work may run on this shared machine: compare within the table.",
    "",
    "| kernel | ours ms | baseline | baseline ms | ratio | GFLOP/s |",
    "|---|---|---|---|---|---|",
    ...table,
  ].join("\n"));
}
