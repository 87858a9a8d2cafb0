// CIFAR-10 files in Node: read a binary file and parse it (./cifar10Format.ts holds the format,
// the normalisations and batch cutting, which need no file system).
import { readFileSync } from "node:fs";
import { existingFile } from "./paths.js";
import { parseCifar10, type Cifar10Set } from "./cifar10Format.js";

export * from "./cifar10Format.js";

export function readCifar10(path: string): Cifar10Set {
  return parseCifar10(readFileSync(existingFile(path, "CIFAR-10 file")), path);
}
