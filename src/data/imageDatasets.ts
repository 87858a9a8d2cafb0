// The image datasets a network can be measured on, as the network sees them: input side, input
// channels, classes. A space names which of them its benchmark was trained on.
import { InputError } from "../util/errors.js";

export interface ImageDatasetShape {
  readonly inputSide: number;
  readonly inputChannels: number;
  readonly classes: number;
}

export const IMAGE_DATASETS = {
  cifar10: { inputSide: 32, inputChannels: 3, classes: 10 },
  cifar100: { inputSide: 32, inputChannels: 3, classes: 100 },
  "ImageNet16-120": { inputSide: 16, inputChannels: 3, classes: 120 },
} as const satisfies Record<string, ImageDatasetShape>;

export type ImageDataset = keyof typeof IMAGE_DATASETS;
export const IMAGE_DATASET_NAMES = Object.keys(IMAGE_DATASETS) as ImageDataset[];

export function isImageDataset(name: string): name is ImageDataset {
  return Object.hasOwn(IMAGE_DATASETS, name);
}

export function imageDataset(name: string): ImageDatasetShape {
  if (!isImageDataset(name)) {
    throw new InputError(`unknown dataset "${name}": expected one of ${IMAGE_DATASET_NAMES.join(", ")} (names are case-sensitive).`);
  }
  return IMAGE_DATASETS[name];
}
