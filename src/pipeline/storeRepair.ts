// `parzc stats repair`: a store with damaged lines made clean without losing a byte. Under the
// store's lock, the lines the store trusts (header, each architecture's winning record, standing
// failures) are copied verbatim to a temporary file beside it, the damaged ones verbatim to a new
// STORE.damaged-<UTC time>, both fsynced; then the clean copy is renamed over the store.
import { closeSync, fchmodSync, fsyncSync, openSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { checkWritableFolder, temporaryPath } from "../util/safeFiles.js";
import { type Span, StatsStore, requireStoreFile } from "./store.js";
import { lockStore } from "./storeLock.js";

export interface RepairSummary {
  store: string;
  /** Records and failures the store keeps. */
  kept: number;
  damaged: number;
  /** Where the damaged lines went; absent when there were none (the store is left as it was). */
  file?: string;
}

/** 20261203T142334Z: sorts by time, and is a valid file name everywhere. */
const utcStamp = () => new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");

/** Opens a new file for writing, never an existing one: `base`, else `base-2`, `base-3`, … */
function openNew(base: string): { path: string; fd: number } {
  for (let n = 1; ; n++) {
    const path = n === 1 ? base : `${base}-${n}`;
    try {
      return { path, fd: openSync(path, "wx") };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/** Copies the spans of `from` into `to` (a torn last line gets its newline), fsyncs and closes `to`. */
function copyLines(from: number, spans: readonly Span[], to: number, mode?: number): void {
  try {
    if (mode !== undefined) fchmodSync(to, mode);
    for (const { start, length } of spans) {
      const bytes = Buffer.alloc(length);
      readSync(from, bytes, 0, length, start);
      writeSync(to, bytes);
      if (bytes[length - 1] !== 0x0a) writeSync(to, "\n");
    }
    fsyncSync(to);
  } finally {
    closeSync(to);
  }
}

function removeIfThere(path: string | undefined): void {
  try {
    if (path) unlinkSync(path);
  } catch {
    // Never made.
  }
}

/** So the rename survives a power loss. */
function syncFolder(path: string): void {
  const fd = openSync(dirname(path), "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function repairStore(path: string): RepairSummary {
  requireStoreFile(path);
  checkWritableFolder(dirname(path), "stats store folder");
  // The link's target is what gets replaced, so a link to a store stays a link.
  const real = realpathSync(path);
  const lock = lockStore(path);
  try {
    const { kept, damaged } = StatsStore.read(real, () => {}).lineSpans();
    const summary: RepairSummary = { store: path, kept: kept.length - 1, damaged: damaged.length };
    if (damaged.length === 0) return summary;
    const source = openSync(real, "r");
    const clean = temporaryPath(real);
    let aside: string | undefined;
    try {
      copyLines(source, kept, openSync(clean, "wx"), statSync(real).mode & 0o7777);
      const made = openNew(`${real}.damaged-${utcStamp()}`);
      aside = made.path;
      copyLines(source, damaged, made.fd);
      renameSync(clean, real);
    } catch (error) {
      // The store is as it was: neither copy is needed.
      removeIfThere(clean);
      removeIfThere(aside);
      throw error;
    } finally {
      closeSync(source);
    }
    syncFolder(real);
    return { ...summary, file: aside };
  } finally {
    lock.release();
  }
}
