// Kernel timings that run unchanged in Node and in a browser page (bench/browser-kernels.ts runs
// both): the sgemm and 3×3 conv rows of bench/kernels.ts, same shapes, same median-of-repeats
// timing, GFLOP/s from the same flop counts. Only the wasm core is touched, so a browser can run it.
import { Random } from "../src/util/random.js";
import { Arena } from "../src/wasm/arena.js";
import type { WasmCore } from "../src/wasm/load.js";
import { randomBuffers } from "./randomBuffers.js";
import { medianMs } from "./timing.js";

export interface KernelRate {
  name: string;
  ms: number;
  gflops: number;
}

export function kernelRates(core: WasmCore, repeats: number): KernelRate[] {
  const k = core.exports;
  const arena = new Arena(core.memory, k.heapBase());
  const randomBuffer = randomBuffers(arena, new Random(1));
  const rows: KernelRate[] = [];
  const time = (name: string, flops: number, run: () => void): void => {
    const ms = medianMs(run, { repeats, warmup: 3 });
    rows.push({ name, ms, gflops: flops / (ms * 1e6) });
  };

  for (const n of [256, 1024]) {
    const A = randomBuffer(n * n), B = randomBuffer(n * n), C = arena.alloc(n * n * 4);
    time(`sgemm_${n}`, 2 * n ** 3, () => k.sgemm(0, 0, n, n, n, 1, A, n, B, n, 0, C, n));
  }

  // N16, C16→O16, 32×32, pad 1: an NB201 first-stage nor_conv_3x3 at batch 16 (as bench/kernels.ts).
  const C = 16, N = 16, H = 32, W = 32, O = 16;
  const P = N * H * W, taps = C * 9, flops = 2 * O * taps * P;
  const x = randomBuffer(C * P), w = randomBuffer(O * taps), dy = randomBuffer(O * P);
  const y = arena.alloc(O * P * 4), dx = arena.alloc(C * P * 4), dw = arena.alloc(O * taps * 4);
  const scratch = arena.alloc(taps * P * 4);
  const im2col = () => k.conv2dForward(x, w, C, N, H, W, O, 3, 1, 1, y, scratch);
  time("conv3x3_fwd", flops, im2col);
  time("conv3x3_fwd_bwd", 3 * flops, () => {
    im2col();
    k.conv2dBackward(x, w, dy, C, N, H, W, O, 3, 1, 1, dx, dw, scratch);
  });
  // Winograd F(4×4, 3×3) on the same conv; GFLOP/s counts the direct conv's flops (effective rate).
  const winogradScratch = arena.alloc(k.winogradScratchFloats(C, N, H, W, O) * 4);
  const winograd = () => k.winogradConv3x3Forward(x, w, C, N, H, W, O, y, winogradScratch);
  time("winograd3x3_fwd", flops, winograd);
  time("winograd3x3_fwd_bwd", 3 * flops, () => {
    winograd();
    k.winogradConv3x3Backward(x, w, dy, C, N, H, W, O, dx, dw, winogradScratch);
  });
  return rows;
}
