// CIFAR-10 in the official binary format: records of 3,073 bytes, a label byte (0..9) then the
// 32×32 R, G and B planes, row-major. Images stay as bytes (N×3×32×32, already NCHW) until a
// batch is cut and normalised. No file access here, so a browser can use it on bytes it was given
// (./cifar10.ts reads files in Node).
import { InputError } from "../util/errors.js";

export const CIFAR10_SIDE = 32;
export const CIFAR10_CHANNELS = 3;
export const CIFAR10_CLASSES = 10;
const IMAGE_BYTES = CIFAR10_CHANNELS * CIFAR10_SIDE * CIFAR10_SIDE; // 3,072
const RECORD_BYTES = 1 + IMAGE_BYTES; // 3,073

export interface Cifar10Set {
  /** count × 3 × 32 × 32 bytes. */
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
}

/** Parses CIFAR-10 binary records from bytes; `source` names them in messages (a path or a file name). */
export function parseCifar10(bytes: Uint8Array, source: string): Cifar10Set {
  if (bytes.length === 0 || bytes.length % RECORD_BYTES !== 0) {
    throw new InputError(
      `${source} is ${bytes.length} bytes, not a whole number of CIFAR-10 records: expected a positive multiple of ` +
        `${RECORD_BYTES} (1 label byte + ${IMAGE_BYTES} pixel bytes). Is it a complete file in the binary format?`,
    );
  }
  const count = bytes.length / RECORD_BYTES;
  const images = new Uint8Array(count * IMAGE_BYTES);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const record = i * RECORD_BYTES;
    labels[i] = bytes[record];
    if (labels[i] >= CIFAR10_CLASSES) {
      throw new InputError(
        `${source}: record ${i} has label ${labels[i]}, expected 0..${CIFAR10_CLASSES - 1}. Is it CIFAR-10 (not CIFAR-100) binary data?`,
      );
    }
    images.set(bytes.subarray(record + 1, record + RECORD_BYTES), i * IMAGE_BYTES);
  }
  return { images, labels, count };
}

/** Per-channel mean and std applied to pixels scaled to [0, 1]. */
export interface Normalisation {
  readonly mean: readonly [number, number, number];
  readonly std: readonly [number, number, number];
}

export const NORMALISATIONS = {
  /** ParZC's layer-wise statistics generator. */
  parzc: { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] },
  /** NB201 training. */
  nb201: { mean: [0.4914, 0.4822, 0.4465], std: [0.247, 0.2435, 0.2616] },
  /** Pixels / 255. */
  none: { mean: [0, 0, 0], std: [1, 1, 1] },
} as const satisfies Record<string, Normalisation>;

export type NormalisationName = keyof typeof NORMALISATIONS;

export function normalisationByName(name: string): Normalisation {
  if (!Object.hasOwn(NORMALISATIONS, name)) {
    throw new InputError(`unknown normalisation "${name}": expected one of ${Object.keys(NORMALISATIONS).join(", ")}.`);
  }
  return NORMALISATIONS[name as NormalisationName];
}

export interface Cifar10Batch {
  /** N × 3 × 32 × 32, normalised. */
  readonly x: Float32Array;
  readonly labels: Int32Array;
}

/**
 * Byte → normalised value for one channel, rounded as torchvision's float32 ToTensor + Normalize
 * rounds it ((v/255 − mean)/std, each step in float32), so batches match PyTorch bit for bit.
 */
function channelTable(mean: number, std: number): Float32Array {
  const f = Math.fround;
  return Float32Array.from({ length: 256 }, (_, v) => f(f(f(v / 255) - f(mean)) / f(std)));
}

/** The images at `indices`, in that order, scaled to [0, 1] then normalised per channel. */
export function cifarBatch(
  set: Cifar10Set,
  indices: readonly number[],
  normalisation: Normalisation | NormalisationName = "parzc",
): Cifar10Batch {
  const { mean, std } = typeof normalisation === "string" ? normalisationByName(normalisation) : normalisation;
  const tables = mean.map((m, c) => channelTable(m, std[c]));
  const planeBytes = CIFAR10_SIDE * CIFAR10_SIDE;
  const x = new Float32Array(indices.length * IMAGE_BYTES);
  const labels = new Int32Array(indices.length);
  indices.forEach((index, n) => {
    if (!Number.isInteger(index) || index < 0 || index >= set.count) {
      throw new InputError(`CIFAR-10 image index ${index} is out of range: the set holds ${set.count} images (0..${set.count - 1}).`);
    }
    labels[n] = set.labels[index];
    for (let c = 0; c < CIFAR10_CHANNELS; c++) {
      const from = index * IMAGE_BYTES + c * planeBytes;
      const to = n * IMAGE_BYTES + c * planeBytes;
      for (let i = 0; i < planeBytes; i++) x[to + i] = tables[c][set.images[from + i]];
    }
  });
  return { x, labels };
}
