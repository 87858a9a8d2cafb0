// NB201 was trained on all three image datasets; a network's shape for each comes from the
// shared table of image datasets.
import { type ImageDataset, IMAGE_DATASET_NAMES, imageDataset, isImageDataset } from "../../data/imageDatasets.js";

export type Nb201Dataset = ImageDataset;
export const NB201_DATASET_NAMES: readonly Nb201Dataset[] = IMAGE_DATASET_NAMES;
export { imageDataset as nb201Dataset, isImageDataset as isNb201Dataset };
