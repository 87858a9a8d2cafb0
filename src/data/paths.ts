// Where the benchmark data lives: --data, then $PARZC_DATA, then ../shared/data beside the
// repository, then ../shared/data beside the working directory. Nothing is copied into the repo.
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../util/errors.js";

const HOW_TO_FIX = "Pass --data DIR or set PARZC_DATA to the folder that holds nb201/, nbsz_graf/ and cifar10/.";

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** The defaults, in order. This file sits at <repo>/src/data/ (tsx) or <repo>/dist/data/ (compiled). */
export function defaultDataRoots(): string[] {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
  return [resolve(repoRoot, "..", "shared", "data"), resolve("..", "shared", "data")];
}

/**
 * The data root. A folder named by --data or PARZC_DATA must exist (it is what was asked for);
 * otherwise the first existing default wins.
 */
export function resolveDataRoot(
  explicit?: string,
  env: NodeJS.ProcessEnv = process.env,
  defaults: readonly string[] = defaultDataRoots(),
): string {
  const named =
    explicit !== undefined ? { path: explicit, via: "--data" }
    : env.PARZC_DATA ? { path: env.PARZC_DATA, via: "PARZC_DATA" }
    : undefined;
  if (named) {
    if (isDirectory(named.path)) return resolve(named.path);
    throw new InputError(`data folder ${named.path} (from ${named.via}) does not exist or is not a folder. ${HOW_TO_FIX}`);
  }
  const found = defaults.find(isDirectory);
  if (found) return found;
  throw new InputError(`no data folder found; tried ${[...new Set(defaults)].join(", ")}. ${HOW_TO_FIX}`);
}

/** A file under the data root, which must exist. */
export function dataFile(root: string, ...parts: string[]): string {
  const path = join(root, ...parts);
  if (!isFile(path)) {
    throw new InputError(`data file ${path} is missing: expected ${parts.join("/")} under the data folder ${root}. ${HOW_TO_FIX}`);
  }
  return path;
}

/** A file the user named (`what` says which), which must exist. */
export function existingFile(path: string, what: string): string {
  if (!isFile(path)) throw new InputError(`${what} ${path} does not exist or is not a file: check the path.`);
  return path;
}
