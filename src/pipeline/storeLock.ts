// One writer per store: `STORE.lock` beside it names the writer as "<pid> <host> <nonce>". It
// appears by an atomic link of a finished file, so it is never seen half-written. A lock whose
// process is gone (kill -9, a crash) is stale and taken over; one held by a live process is
// refused, and so is one from another host, whose processes parzc cannot see. Readers take no
// lock: the store is append-only and readers ignore a torn last line.
import { existsSync, linkSync, readFileSync, realpathSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { InputError } from "../util/errors.js";
import { temporaryPath } from "../util/safeFiles.js";

export interface StoreLock {
  /** Removes the lock if it is still ours; safe to call twice. */
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  /** The whole line: its nonce tells this lock from one made after we looked. */
  content: string;
}

/** Takeovers to try before giving up (each round another process won a race). */
const ROUNDS = 10;

/** The locks this process holds, by lock path, with their contents; released at exit too. */
const held = new Map<string, string>();

/** Beside the real file, so two names of one store (a symlink) share one lock. */
function lockPathOf(store: string): string {
  const real = existsSync(store) ? realpathSync(store) : join(realpathSync(dirname(store)), basename(store));
  return `${real}.lock`;
}

function holderOf(path: string): Holder | undefined {
  try {
    const content = readFileSync(path, "utf8");
    const [pid, host] = content.split(" ");
    return { pid: Number(pid), host: host ?? "", content };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Stale: unreadable (a crash before its bytes reached the disk), or its process is gone. Our own
 * pid on a lock we do not hold is an earlier run's that had the same pid (a restarted container).
 */
function isStale({ pid, host }: Holder, path: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  if (host !== hostname()) return false;
  if (pid === process.pid) return !held.has(path);
  return !isAlive(pid);
}

function refusal(store: string, path: string, { pid, host }: Holder): InputError {
  if (host !== hostname()) {
    return new InputError(
      `stats store ${store} is locked by process ${pid} on host ${host} (${path}): one writer at a time. ` +
        `Wait for it to finish; parzc cannot see that host's processes, so if that process is gone, delete ${path}.`,
    );
  }
  return new InputError(
    `stats store ${store} is being written by process ${pid} (${path}): one writer at a time. ` +
      `Wait for it to finish, or stop it; once that process is gone, the next run takes its stale lock over by itself.`,
  );
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/**
 * Removes a stale lock. Only the process that holds `LOCK.takeover` (made like the lock) may,
 * and only while the lock is still the stale one it saw, so a fresh lock is never removed; the
 * processes that raced for the stale lock then race to link theirs, and one wins.
 */
function removeStale(store: string, path: string, stale: Holder, finished: string): void {
  const guard = `${path}.takeover`;
  try {
    linkSync(finished, guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const taker = holderOf(guard);
    if (taker && !isStale(taker, guard)) throw refusal(store, path, taker);
    // A takeover whose process died in its few microseconds: clear it, and the caller tries again.
    if (taker) removeQuietly(guard);
    return;
  }
  try {
    if (holderOf(path)?.content === stale.content) unlinkSync(path);
  } finally {
    removeQuietly(guard);
  }
}

function release(path: string, content: string): void {
  if (held.get(path) !== content) return;
  held.delete(path);
  try {
    if (readFileSync(path, "utf8") === content) unlinkSync(path);
  } catch {
    // Already gone.
  }
}

let exitHook = false;

/** Locks `store` (its folder must exist) for writing, or throws an InputError naming the holder. */
export function lockStore(store: string): StoreLock {
  const path = lockPathOf(store);
  const content = `${process.pid} ${hostname()} ${randomBytes(4).toString("hex")}`;
  const finished = temporaryPath(path);
  writeFileSync(finished, content, { flag: "wx", flush: true });
  try {
    for (let round = 0; ; round++) {
      try {
        linkSync(finished, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST" || round === ROUNDS) throw error;
      }
      const holder = holderOf(path);
      if (holder && !isStale(holder, path)) throw refusal(store, path, holder);
      if (holder) removeStale(store, path, holder, finished);
    }
  } finally {
    unlinkSync(finished);
  }
  held.set(path, content);
  if (!exitHook) {
    // A normal exit, or a signal handler's, releases every lock; kill -9 leaves a stale one.
    process.once("exit", () => held.forEach((content, path) => release(path, content)));
    exitHook = true;
  }
  return { release: () => release(path, content) };
}
