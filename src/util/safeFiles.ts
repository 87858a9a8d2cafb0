// Files a user hands parzc, checked before any work: an input must be a regular file (a FIFO or
// a device would block or never end), and an output may replace only a regular file that is not
// one of the run's inputs, in a folder parzc can write to on a real file system (procfs and
// sysfs accept a mkdir or open and then misbehave: Node's mkdir -p under /proc never returns).
// Outputs are written whole under a unique temporary name and renamed, so a crash or a second
// writer never leaves half a file, and the temporary never outlives a failure.
import { accessSync, constants, createWriteStream, lstatSync, mkdirSync, renameSync, statSync, statfsSync, unlinkSync, writeFileSync, type Stats, type WriteStream } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { InputError } from "./errors.js";

/** statfs magic numbers of the pseudo file systems no output may go to. */
const PSEUDO_FILE_SYSTEMS: Record<number, string> = { 0x9fa0: "procfs", 0x62656572: "sysfs", 0x27e0eb: "cgroup", 0x63677270: "cgroup2", 0x64626720: "debugfs" };

function kindOf(stats: Stats): string {
  if (stats.isFile()) return "a regular file";
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  if (stats.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}

function statOrUndefined(path: string, follow: boolean): Stats | undefined {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw error;
  }
}

/** Why `path` is no regular file to read ("does not exist", "is a FIFO, not a regular file"), or undefined. */
export function regularFileProblem(path: string): string | undefined {
  const stats = statOrUndefined(path, true);
  if (!stats) return "does not exist";
  return stats.isFile() ? undefined : `is ${kindOf(stats)}, not a regular file`;
}

/** An input the user named: it must exist and be a regular file (a link to one is fine). */
export function requireRegularFile(path: string, what: string, fix = "check the path"): string {
  const problem = regularFileProblem(path);
  if (problem) throw new InputError(`${what} ${path} ${problem}: ${fix}.`);
  return path;
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** The nearest path that exists at or above `path`. */
function existingAncestor(path: string): string {
  let at = resolve(path);
  while (!statOrUndefined(at, true)) at = dirname(at);
  return at;
}

/** Why files cannot be created in `folder` (made with mkdir -p where missing), or undefined. */
function folderProblem(folder: string): string | undefined {
  const ancestor = existingAncestor(folder);
  const stats = statSync(ancestor);
  if (!stats.isDirectory()) return `${ancestor} is ${kindOf(stats)}, not a folder`;
  const pseudo = PSEUDO_FILE_SYSTEMS[Number(statfsSync(ancestor).type)];
  if (pseudo) return `${ancestor} is on ${pseudo}, which holds no files`;
  try {
    accessSync(ancestor, constants.W_OK);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EROFS" ? `${ancestor} is on a read-only file system` : `${ancestor} is not writable by this user`;
  }
  return undefined;
}

/** Refuses a folder to create things in that is not a writable folder on a real file system. */
export function checkWritableFolder(path: string, what: string, fix = "Pick a folder on a writable disk"): void {
  const problem = folderProblem(path);
  if (problem) throw new InputError(`${what} ${path} cannot hold files: ${problem}. ${fix}.`);
}

/** mkdir -p, once checkWritableFolder passes (it never runs under procfs). */
export function createFolder(path: string, what: string): void {
  checkWritableFolder(path, what);
  mkdirSync(path, { recursive: true });
}

export interface OutputCheck {
  /** What the file is, for messages: "model file", "export". */
  what: string;
  /** The run's inputs, which the output must never replace. */
  inputs?: readonly string[];
}

/**
 * Checks, before any work, that `path` can take an output: absent or a regular file (never a
 * link, a device, a FIFO or a folder), not one of `inputs`, in a writable folder on a disk
 * (missing folders are created when it is written).
 */
export function checkOutputFile(path: string, { what, inputs = [] }: OutputCheck): string {
  if (basename(path) === "" || /[\\/]$/.test(path)) throw new InputError(`${what} "${path}" names no file: pass a file's path, e.g. out/model.json.`);
  const existing = statOrUndefined(path, false);
  if (existing && !existing.isFile()) {
    throw new InputError(`${what} ${path} is ${kindOf(existing)}: parzc replaces only regular files. Pass another path.`);
  }
  if (existing) {
    for (const input of inputs) {
      const other = statOrUndefined(input, true);
      if (other && sameFile(existing, other)) throw new InputError(`${what} ${path} is the input ${input}: writing it would destroy that input. Pass another path.`);
    }
  }
  const problem = folderProblem(dirname(path));
  if (problem) throw new InputError(`${what} ${path} cannot be written: ${problem}. Pick a path on a writable disk.`);
  return path;
}

/** A unique temporary name beside `path` for a write that ends in a rename. */
export function temporaryPath(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
}

const TEMPORARY_SUFFIX = /\.tmp-\d+-[0-9a-f]{8}$/;

/** The output a temporaryPath() name stands for (messages name what the user asked for). */
export function outputOfTemporary(path: string): string {
  return path.replace(TEMPORARY_SUFFIX, "");
}

/** The folder is created where missing (checked first); then a unique temporary name in it. */
function temporaryFor(path: string): string {
  createFolder(dirname(path), "output folder");
  return temporaryPath(path);
}

/** Renames the finished temporary over `path`, checked again at the last moment: something may have appeared there meanwhile. */
function renameIntoPlace(temporary: string, path: string): void {
  const existing = statOrUndefined(path, false);
  if (existing && !existing.isFile()) throw new InputError(`${path} became ${kindOf(existing)} while parzc worked: it replaces only regular files. Nothing was written; pass another path.`);
  renameSync(temporary, path);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Never created, or already renamed.
  }
}

/** Writes `data` to a unique temporary name beside `path`, then renames it over `path`. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temporary = temporaryFor(path);
  try {
    writeFileSync(temporary, data, { flush: true, flag: "wx" });
    renameIntoPlace(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}

/** writeFileAtomic for a stream: `write` fills (and ends) the stream of a unique temporary file. */
export async function writeStreamAtomic(path: string, write: (file: WriteStream) => Promise<void>): Promise<void> {
  const temporary = temporaryFor(path);
  try {
    await write(createWriteStream(temporary, { flags: "wx", flush: true }));
    renameIntoPlace(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}
