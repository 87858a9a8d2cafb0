// The data a proxy run sees. ParZC's default: 16 CIFAR-10 training images, normalised with
// mean = std = 0.5, chosen by a seeded shuffle of the training slice; zico takes the next 16
// as its second batch. jacov, nwot and epe_nas use the same first batch (NASLib does the
// same: one batch shared by every proxy).
import { cifarBatch, readCifar10, type Cifar10Set } from "../data/cifar10.js";
import { dataFile, resolveDataRoot } from "../data/paths.js";
import type { LabelledBatch } from "../engine/lossPass.js";
import { nb201Dataset, type Nb201Dataset } from "../spaces/nb201/datasets.js";
import { InputError } from "../util/errors.js";
import { Random } from "../util/random.js";

export interface ProxyInputs {
  dataset: Nb201Dataset;
  batch: LabelledBatch;
  /** A second, disjoint batch (zico). */
  secondBatch: LabelledBatch;
}

export const DEFAULT_BATCH_SIZE = 16;
const cache = new Map<string, Cifar10Set>();

function trainingImages(dataRoot: string): Cifar10Set {
  const file = dataFile(dataRoot, "cifar10", "data_batch_1_first1000.bin");
  let images = cache.get(file);
  if (!images) {
    images = readCifar10(file);
    cache.set(file, images);
  }
  return images;
}

export function proxyInputs({ dataset = "cifar10", batchSize = DEFAULT_BATCH_SIZE, seed = 0, dataRoot }: { dataset?: Nb201Dataset; batchSize?: number; seed?: number; dataRoot?: string } = {}): ProxyInputs {
  if (dataset !== "cifar10") {
    throw new InputError(`no images for dataset "${dataset}" are available: proxies run on CIFAR-10 images (ParZC reuses the CIFAR-10 statistics for ImageNet16-120). Use --dataset cifar10.`);
  }
  const images = trainingImages(resolveDataRoot(dataRoot));
  if (!Number.isInteger(batchSize) || batchSize < 2 || 2 * batchSize > images.count) {
    throw new InputError(`batch size ${batchSize} is not usable: expected an integer from 2 to ${Math.floor(images.count / 2)} (two disjoint batches come from ${images.count} training images).`);
  }
  const order = new Random(seed).shuffle(Array.from({ length: images.count }, (_, i) => i));
  const side = nb201Dataset(dataset).inputSide;
  const toBatch = (indices: number[]): LabelledBatch => {
    const { x, labels } = cifarBatch(images, indices, "parzc");
    return { x, labels, shape: [indices.length, 3, side, side] };
  };
  return { dataset, batch: toBatch(order.slice(0, batchSize)), secondBatch: toBatch(order.slice(batchSize, 2 * batchSize)) };
}
