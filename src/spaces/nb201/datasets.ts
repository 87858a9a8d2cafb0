// The three NB201 datasets as the network sees them: input side, input channels, classes.
import { InputError } from "../../util/errors.js";

export interface Nb201DatasetShape {
  readonly inputSide: number;
  readonly inputChannels: number;
  readonly classes: number;
}

export const NB201_DATASETS = {
  cifar10: { inputSide: 32, inputChannels: 3, classes: 10 },
  cifar100: { inputSide: 32, inputChannels: 3, classes: 100 },
  "ImageNet16-120": { inputSide: 16, inputChannels: 3, classes: 120 },
} as const satisfies Record<string, Nb201DatasetShape>;

export type Nb201Dataset = keyof typeof NB201_DATASETS;
export const NB201_DATASET_NAMES = Object.keys(NB201_DATASETS) as Nb201Dataset[];

export function isNb201Dataset(name: string): name is Nb201Dataset {
  return Object.hasOwn(NB201_DATASETS, name);
}

export function nb201Dataset(name: string): Nb201DatasetShape {
  if (!isNb201Dataset(name)) {
    throw new InputError(`unknown dataset "${name}": expected one of ${NB201_DATASET_NAMES.join(", ")} (names are case-sensitive).`);
  }
  return NB201_DATASETS[name];
}
