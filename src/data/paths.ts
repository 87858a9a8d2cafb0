// Where the benchmark data lives, the first found winning: --data, then $PARZC_DATA, then the
// project's own data/ folder (gzipped copies of the files the commands need; data/README.md), then
// ../shared/data beside the repository, then ../shared/data beside the working directory. A file
// may be plain or gzipped: dataFile finds X or X.gz, and ./dataBytes.ts reads either.
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../util/errors.js";

/** Which rule picked the data root: a flag, the variable, the project's data/, or a ../shared/data. */
export type DataRootSource = "--data" | "PARZC_DATA" | "bundled" | "shared";

export interface DataRoot {
  path: string;
  via: DataRootSource;
}

export const DATA_LOOKUP_ORDER =
  "--data DIR, then $PARZC_DATA, then the project's own data/ folder, then ../shared/data beside the repository";

const HOW_TO_FIX = `Pass --data DIR or set PARZC_DATA to a folder that holds nb201/, nbsz_graf/ and cifar10/ (parzc looks at ${DATA_LOOKUP_ORDER}).`;

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** This file sits at <root>/src/data/ (tsx) or <root>/dist/data/ (compiled, or installed). */
const projectRoot = () => resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The project's own data/ folder (gzipped, with manifest.json), in a checkout or an installed package. */
export function bundledDataRoot(): string {
  return join(projectRoot(), "data");
}

/** The defaults, in order: the project's data/, then ../shared/data beside the repository, then beside the working directory. */
export function defaultDataRoots(): string[] {
  return [bundledDataRoot(), resolve(projectRoot(), "..", "shared", "data"), resolve("..", "shared", "data")];
}

/**
 * The data root and the rule that picked it. A folder named by --data or PARZC_DATA must exist
 * (it is what was asked for); otherwise the first existing default wins.
 */
export function findDataRoot(explicit?: string, env: NodeJS.ProcessEnv = process.env, defaults: readonly string[] = defaultDataRoots()): DataRoot {
  const named =
    explicit !== undefined ? { path: explicit, via: "--data" as const }
    : env.PARZC_DATA ? { path: env.PARZC_DATA, via: "PARZC_DATA" as const }
    : undefined;
  if (named) {
    if (isDirectory(named.path)) return { path: resolve(named.path), via: named.via };
    throw new InputError(`data folder ${named.path} (from ${named.via}) does not exist or is not a folder. ${HOW_TO_FIX}`);
  }
  const found = defaults.find(isDirectory);
  if (found) return { path: found, via: found === bundledDataRoot() ? "bundled" : "shared" };
  throw new InputError(`no data folder found; tried ${[...new Set(defaults)].join(", ")}. ${HOW_TO_FIX}`);
}

/** The data root's path (see findDataRoot). */
export function resolveDataRoot(explicit?: string, env: NodeJS.ProcessEnv = process.env, defaults: readonly string[] = defaultDataRoots()): string {
  return findDataRoot(explicit, env, defaults).path;
}

/** `path` if it is a file, else `path`.gz if that is one, else undefined. */
export function plainOrGzipped(path: string): string | undefined {
  return [path, `${path}.gz`].find(isFile);
}

/** `relative` (e.g. nb201/nb201_merged.csv) under `root`, plain or as its .gz; undefined when neither is there. */
export function findDataFile(root: string, relative: string): string | undefined {
  return plainOrGzipped(join(root, relative));
}

/** A file under the data root, plain or gzipped (the path found, X or X.gz), which must exist. */
export function dataFile(root: string, ...parts: string[]): string {
  const relative = parts.join("/");
  const found = findDataFile(root, relative);
  if (found) return found;
  const bundled = root === bundledDataRoot() ? " (the project's data/ holds only what the commands need: see data/README.md)" : "";
  throw new InputError(`data file ${join(root, ...parts)} is missing: expected ${relative} (or ${relative}.gz) under the data folder ${root}${bundled}. ${HOW_TO_FIX}`);
}

/** `path` or, when only that exists, `path`.gz; `what` names it in the message when neither does. */
export function existingDataFile(path: string, what: string): string {
  return plainOrGzipped(path) ?? existingFile(path, what);
}

/** A file the user named (`what` says which), which must exist. */
export function existingFile(path: string, what: string): string {
  if (!isFile(path)) throw new InputError(`${what} ${path} does not exist or is not a file: check the path.`);
  return path;
}
