// CIFAR-10 files in Node: read a binary file (plain or gzipped) and parse it (./cifar10Format.ts
// holds the format, the normalisations and batch cutting, which need no file system).
import { readDataBytes } from "./dataBytes.js";
import { existingDataFile } from "./paths.js";
import { parseCifar10, type Cifar10Set } from "./cifar10Format.js";

export * from "./cifar10Format.js";

/** The records at `path`, or at `path`.gz (gunzipped) when only that exists. */
export function readCifar10(path: string): Cifar10Set {
  const file = existingDataFile(path, "CIFAR-10 file");
  return parseCifar10(readDataBytes(file), file);
}
