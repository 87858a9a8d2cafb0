// Files a user hands parzc, checked before any work: an input must be a regular file (a FIFO or
// a device would block or never end), and an output may replace only a regular file that is not
// one of the run's inputs, in a folder parzc can write to on a real file system (procfs and
// sysfs accept a mkdir or open and then misbehave). Outputs are written whole under a unique
// temporary name and renamed, so a crash or a second writer never leaves half a file.
import { accessSync, constants, lstatSync, renameSync, statSync, statfsSync, unlinkSync, writeFileSync, type Stats } from "node:fs";
import { dirname, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { InputError } from "./errors.js";

/** statfs magic numbers of the pseudo file systems no output may go to. */
const PSEUDO_FILE_SYSTEMS: Record<number, string> = { 0x9fa0: "procfs", 0x62656572: "sysfs", 0x27e0eb: "cgroup", 0x63677270: "cgroup2", 0x64626720: "debugfs" };

function kindOf(stats: Stats): string {
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

/** An input the user named: it must exist and be a regular file (a link to one is fine). */
export function requireRegularFile(path: string, what: string, fix = "check the path"): string {
  const stats = statOrUndefined(path, true);
  if (!stats) throw new InputError(`${what} ${path} does not exist: ${fix}.`);
  if (!stats.isFile()) throw new InputError(`${what} ${path} is ${kindOf(stats)}, not a regular file: ${fix}.`);
  return path;
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** The nearest folder that exists at or above `path`'s parent. */
function existingAncestor(path: string): string {
  let folder = dirname(resolve(path));
  while (!statOrUndefined(folder, true)) folder = dirname(folder);
  return folder;
}

/** Refuses a folder to create things in that is not a writable folder on a real file system. */
export function checkWritableFolder(path: string, what: string): void {
  const folder = existingAncestor(`${path}/.`);
  const stats = statSync(folder);
  if (!stats.isDirectory()) throw new InputError(`${what} ${path} cannot be created: ${folder} is ${kindOf(stats)}, not a folder. Pick another path.`);
  const pseudo = PSEUDO_FILE_SYSTEMS[Number(statfsSync(folder).type)];
  if (pseudo) throw new InputError(`${what} ${path} is on ${pseudo} (${folder}), which holds no files: pick a path on a disk.`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new InputError(`${what} ${path} cannot be written: ${folder} is not writable by this user. Pick another path, or fix the folder's permissions.`);
  }
}

export interface OutputCheck {
  /** What the file is, for messages: "model file", "export". */
  what: string;
  /** The run's inputs, which the output must never replace. */
  inputs?: readonly string[];
}

/**
 * Checks, before any work, that `path` can take an output: absent or a regular file (never a
 * link, a device, a FIFO or a folder), not one of `inputs`, in a writable folder on a disk.
 */
export function checkOutputFile(path: string, { what, inputs = [] }: OutputCheck): string {
  const existing = statOrUndefined(path, false);
  if (existing && !existing.isFile()) {
    throw new InputError(`${what} ${path} is ${kindOf(existing)}: parzc replaces only regular files. Pass another path.`);
  }
  if (existing) {
    for (const input of inputs) {
      const other = statOrUndefined(input, true);
      if (other && sameFile(existing, other)) throw new InputError(`${what} ${path} is the input ${input}: writing it would destroy that input. Pass another --out.`);
    }
  }
  checkWritableFolder(dirname(path), what);
  return path;
}

/** Writes `data` to a unique temporary name beside `path`, then renames it over `path`. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    writeFileSync(temporary, data, { flush: true, flag: "wx" });
    // The check again at the last moment: something may have appeared at `path` meanwhile.
    const existing = statOrUndefined(path, false);
    if (existing && !existing.isFile()) throw new InputError(`${path} became ${kindOf(existing)} while parzc worked: it replaces only regular files. Nothing was written.`);
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already renamed.
    }
    throw error;
  }
}

/** A unique temporary name beside `path` for a streamed write that ends in a rename. */
export function temporaryPath(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
}
