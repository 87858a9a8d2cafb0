// The data a proxy run sees, cut from CIFAR-10 images already in memory. ParZC's default: 16
// training images, normalised with mean = std = 0.5, chosen by a seeded shuffle of the training
// slice; zico takes the next 16 as its second batch. jacov, nwot and epe_nas use the same first
// batch (NASLib does the same: one batch shared by every proxy). No file access here, so a browser
// can build inputs from bytes it was given (./inputs.ts reads the data folder in Node).
import { cifarBatch, type Cifar10Set } from "../data/cifar10Format.js";
import type { LabelledBatch } from "../engine/lossPass.js";
import { imageDataset, type ImageDataset } from "../data/imageDatasets.js";
import { InputError } from "../util/errors.js";
import { Random } from "../util/random.js";

export interface ProxyInputs {
  dataset: ImageDataset;
  batch: LabelledBatch;
  /** A second, disjoint batch (zico). */
  secondBatch: LabelledBatch;
}

export const DEFAULT_BATCH_SIZE = 16;

export interface InputOptions {
  dataset?: ImageDataset;
  batchSize?: number;
  seed?: number;
}

/** Proxies run on CIFAR-10 images whatever the dataset; other datasets are refused before any file is read. */
export function requireCifar10(dataset: ImageDataset): void {
  if (dataset !== "cifar10") {
    throw new InputError(`no images for dataset "${dataset}" are available: proxies run on CIFAR-10 images (ParZC reuses the CIFAR-10 statistics for ImageNet16-120). Use --dataset cifar10.`);
  }
}

/** Two disjoint seeded batches from `images` (the same pick as the Node path for the same images). */
export function proxyInputsFromImages(images: Cifar10Set, { dataset = "cifar10", batchSize = DEFAULT_BATCH_SIZE, seed = 0 }: InputOptions = {}): ProxyInputs {
  requireCifar10(dataset);
  if (!Number.isInteger(batchSize) || batchSize < 2 || 2 * batchSize > images.count) {
    throw new InputError(`batch size ${batchSize} is not usable: expected an integer from 2 to ${Math.floor(images.count / 2)} (two disjoint batches come from ${images.count} training images).`);
  }
  const order = new Random(seed).shuffle(Array.from({ length: images.count }, (_, i) => i));
  const side = imageDataset(dataset).inputSide;
  const toBatch = (indices: number[]): LabelledBatch => {
    const { x, labels } = cifarBatch(images, indices, "parzc");
    return { x, labels, shape: [indices.length, 3, side, side] };
  };
  return { dataset, batch: toBatch(order.slice(0, batchSize)), secondBatch: toBatch(order.slice(batchSize, 2 * batchSize)) };
}
