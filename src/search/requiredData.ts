// The data the demo needs, checked before any work: a folder (--data, $PARZC_DATA, the project's
// own data/, or ../shared/data beside the repository) holding the space's benchmark files and the
// CIFAR-10 images, plain or gzipped. When it is missing the message says where parzc looks, in
// order, and what the folder must hold.
import { bundledDataRoot, defaultDataRoots, findDataFile, resolveDataRoot } from "../data/paths.js";
import type { AnySpace } from "../spaces/index.js";
import { InputError } from "../util/errors.js";

/** The images every proxy reads. */
const PROXY_IMAGES = "cifar10/data_batch_1_first1000.bin";

/** The files the demo on `space` reads. */
export const requiredDataFiles = (space: AnySpace): string[] => [...space.benchmarkFiles, PROXY_IMAGES];

function instructions(problem: string, files: readonly string[], defaults: readonly string[]): string {
  const describe = (root: string) => (root === bundledDataRoot() ? "the project's own data/ folder, shipped with it" : "../shared/data; found automatically");
  return [
    `${problem}`,
    "The demo needs the benchmark data folder. parzc looks, in this order, at:",
    "  - any folder, passed as --data DIR",
    "  - any folder, named by the environment variable PARZC_DATA=DIR",
    ...[...new Set(defaults)].map((root) => `  - ${root}  (${describe(root)})`),
    "It must contain (each file plain or gzipped as .gz):",
    ...files.map((file) => `  - ${file}`),
  ].join("\n");
}

/** The data root, after checking that it holds every file the demo on `space` reads. */
export function requireDemoData(space: AnySpace, explicit?: string, env: NodeJS.ProcessEnv = process.env, defaults: readonly string[] = defaultDataRoots()): string {
  const files = requiredDataFiles(space);
  let root: string;
  try {
    root = resolveDataRoot(explicit, env, defaults);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(instructions(error.message, files, defaults));
    throw error;
  }
  const missing = files.filter((file) => findDataFile(root, file) === undefined);
  if (missing.length > 0) throw new InputError(instructions(`the data folder ${root} lacks ${missing.join(" and ")}.`, files, defaults));
  return root;
}
