// Packed ReLU sign codes [x > 0] (assembly/codes.ts), shared by nwot (Hamming kernels between
// samples) and grasp (which units a finite-difference step flipped).
import type { Engine } from "../engine/engine.js";
import type { Tensor } from "../engine/tensor.js";

export interface SignCodes {
  /** Arena pointer to N rows of `words` u64 (freed with the pass). */
  ptr: number;
  words: number;
  /** Meaningful bits per row (C·H·W; the rest is zero padding). */
  bits: number;
}

/** Packs a channel-major ReLU input [C, N, H, W] into per-sample sign codes in the arena. */
export function packSigns(engine: Engine, x: Tensor): SignCodes {
  if (x.shape.length !== 4) throw new Error(`packSigns: a ReLU input of shape [${x.shape.join(", ")}] is not [C, N, H, W]`);
  const [C, N, H, W] = x.shape;
  const words = C * Math.ceil((H * W) / 64);
  const ptr = engine.arena.alloc(N * words * 8);
  engine.kernels.packSigns(x.ptr, C, N, H * W, ptr);
  return { ptr, words, bits: C * H * W };
}

/** A copy of every ReLU input's sign codes of one pass, in the order the ReLUs ran. */
export function signRecorder(engine: Engine): { reluInput: (x: Tensor) => void; codes: Int32Array[] } {
  const codes: Int32Array[] = [];
  return {
    codes,
    reluInput: (x) => {
      const packed = packSigns(engine, x);
      codes.push(engine.arena.i32(packed.ptr, x.shape[1] * packed.words * 2).slice());
    },
  };
}

/** How many units have a different sign in two recordings of the same network. */
export function flippedUnits(a: readonly Int32Array[], b: readonly Int32Array[]): number {
  let flipped = 0;
  a.forEach((codes, t) => {
    const other = b[t];
    for (let i = 0; i < codes.length; i++) {
      let x = codes[i] ^ other[i];
      for (; x !== 0; x &= x - 1) flipped++;
    }
  });
  return flipped;
}
