// The data the demo needs, checked before any work: a folder (--data, $PARZC_DATA, or
// ../shared/data beside the repository) holding the NB201 table and the CIFAR-10 images. When it
// is missing the message says exactly where it may be and what it must hold.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { defaultDataRoots, resolveDataRoot } from "../data/paths.js";
import { InputError } from "../util/errors.js";

export const REQUIRED_DATA_FILES = ["nb201/nb201_merged.csv", "cifar10/data_batch_1_first1000.bin"] as const;

function instructions(problem: string, defaults: readonly string[]): string {
  return [
    `${problem}`,
    "The demo needs the benchmark data folder. Put it in one of these places:",
    `  - ${defaults[0]}  (../shared/data beside the repository; found automatically)`,
    "  - any folder, passed as --data DIR",
    "  - any folder, named by the environment variable PARZC_DATA=DIR",
    "It must contain:",
    ...REQUIRED_DATA_FILES.map((file) => `  - ${file}`),
  ].join("\n");
}

/** The data root, after checking that it holds every required file. */
export function requireDemoData(explicit?: string, env: NodeJS.ProcessEnv = process.env, defaults: readonly string[] = defaultDataRoots()): string {
  let root: string;
  try {
    root = resolveDataRoot(explicit, env, defaults);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(instructions(error.message, defaults));
    throw error;
  }
  const missing = REQUIRED_DATA_FILES.filter((file) => !(existsSync(join(root, file)) && statSync(join(root, file)).isFile()));
  if (missing.length > 0) throw new InputError(instructions(`the data folder ${root} lacks ${missing.join(" and ")}.`, defaults));
  return root;
}
