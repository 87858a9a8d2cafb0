// Proxy inputs in Node: the CIFAR-10 training slice is read from the data folder (once per file
// and thread), then cut into batches by ./imageInputs.ts.
import { readCifar10, type Cifar10Set } from "../data/cifar10.js";
import { dataFile, resolveDataRoot } from "../data/paths.js";
import { proxyInputsFromImages, requireCifar10, type InputOptions, type ProxyInputs } from "./imageInputs.js";

export { DEFAULT_BATCH_SIZE, proxyInputsFromImages, type InputOptions, type ProxyInputs } from "./imageInputs.js";

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

export function proxyInputs({ dataRoot, ...options }: InputOptions & { dataRoot?: string } = {}): ProxyInputs {
  requireCifar10(options.dataset ?? "cifar10");
  return proxyInputsFromImages(trainingImages(resolveDataRoot(dataRoot)), options);
}
