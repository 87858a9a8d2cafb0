// A file-system error that reaches the root (a missing folder, a full disk, a path parzc may not
// write) is the user's to fix, not a bug: one line naming the path, what went wrong in plain
// words and what to do. Anything else stays an internal error.
import { outputOfTemporary } from "../util/safeFiles.js";

type Explain = (path: string, doing: string) => string;

const UNFINISHED = "nothing finished was lost (outputs appear only once complete)";

const EXPLANATIONS: Record<string, Explain> = {
  ENOENT: (path) => `${path} does not exist (or a folder on its way is missing): check the path`,
  EACCES: (path, doing) => `permission denied ${doing} ${path}: pick a path this user may use, or fix its permissions`,
  EPERM: (path, doing) => `the system does not permit ${doing} ${path}: pick another path, or fix its permissions`,
  EISDIR: (path) => `${path} is a folder where a file was expected: pass a file's path`,
  ENOTDIR: (path) => `a part of ${path} that should be a folder is a file: fix the path`,
  EEXIST: (path) => `${path} already exists where a folder is needed: remove it or pick another path`,
  EROFS: (path, doing) => `${path} is on a read-only file system (${doing} it): pick a path on a writable disk`,
  ENOSPC: (path, doing) => `the disk is full ${doing} ${path}: free space or pick another --out; ${UNFINISHED}`,
  EDQUOT: (path, doing) => `the disk quota is used up ${doing} ${path}: free space or pick another --out; ${UNFINISHED}`,
  EIO: (path, doing) => `the disk reported an I/O error ${doing} ${path}: check the disk, or pick a path on another`,
  ELOOP: (path) => `${path} goes round a loop of symbolic links: fix the links, or pass the real path`,
  ENAMETOOLONG: (path) => `${path} is too long a name for the file system: pick a shorter path`,
  EMFILE: (path, doing) => `too many open files ${doing} ${path}: raise the limit (ulimit -n), or use fewer --workers`,
  ENFILE: (path, doing) => `the system has too many open files ${doing} ${path}: close some programs, or use fewer --workers`,
};

/** What the failed call was doing, in words. */
const DOING: Record<string, string> = {
  open: "opening", read: "reading", write: "writing", mkdir: "creating", rename: "writing", copyfile: "writing",
  fsync: "writing", ftruncate: "writing", unlink: "removing", rmdir: "removing", close: "writing",
};

/** The message for a Node file-system error (its `code` is one of EXPLANATIONS'), else undefined. */
export function fileErrorMessage(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path, syscall, dest } = error as NodeJS.ErrnoException & { dest?: string };
  const explain = code === undefined ? undefined : EXPLANATIONS[code];
  if (!explain) return undefined;
  // A rename names the file asked for as `dest`; a write into a temporary names what it stands for.
  const target = dest ?? path;
  const shown = target === undefined ? "a file" : outputOfTemporary(target);
  return explain(shown, DOING[syscall ?? ""] ?? "using") + ".";
}
