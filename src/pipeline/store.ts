// The stats store: one append-only file. Line 1 is a header with the settings; every other line
// is one architecture's record (or a failure), each line checksummed (storeLines.ts). Appends
// are single writes, so `kill -9` leaves at most a torn last line, which the next writer cuts
// off with a warning; fsync runs at most once a second, and on close. One writer at a time holds
// the store's lock (storeLock.ts). A damaged line elsewhere (a flipped bit, a foreign edit) is
// skipped with a warning, never trusted, and kept for `parzc stats repair` to set aside.
import { closeSync, existsSync, fsyncSync, openSync, readSync, statSync, truncateSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { InputError } from "../util/errors.js";
import { createFolder, requireRegularFile, writeFileAtomic } from "../util/safeFiles.js";
import { warnOnStderr, type Warn } from "../util/warn.js";
import { type StatsSettings, settingDifference } from "./settings.js";
import { decodeLine, encodeLine, fileLines } from "./storeLines.js";
import { type StoreLock, lockStore } from "./storeLock.js";

const FORMAT = "parzc-stats";
const VERSION = 1;
const FSYNC_INTERVAL_MS = 1000;

interface StoreHeader extends StatsSettings {
  format: typeof FORMAT;
  version: number;
}

export interface ArchRecord {
  arch: string;
  /** The NB201 benchmark index. */
  index: number;
  scores: Record<string, number | null>;
  /** Per-node vectors (module order); non-finite values are null; whole-network proxies are absent. */
  nodes: Record<string, (number | null)[]>;
  flags: string[];
}

export interface FailedRecord {
  arch: string;
  index: number;
  /** Why it failed, after its retry. */
  failed: string;
}

export { warnOnStderr, type Warn } from "../util/warn.js";

/** Where a line's bytes lie in the file, its newline included (a torn last line has none). */
export interface Span {
  start: number;
  length: number;
}

/** A line the store does not trust. */
interface DamagedLine extends Span {
  /** 1-based. */
  line: number;
}

interface Entry extends Span {
  index: number;
}

interface Failure extends Span {
  record: FailedRecord;
}

const FIX_STORE = "pass a store written by `parzc stats --out`";

/** A stats store the user named must be a regular file: a FIFO or a device would block or never end. */
export function requireStoreFile(path: string, fix = FIX_STORE): string {
  return requireRegularFile(path, "stats store", fix);
}
/** Damaged line numbers a warning lists before it says "…". */
const LISTED_LINES = 5;

const isNumberOrNull = (value: unknown) => value === null || typeof value === "number";
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The shape of a record or a failure, checked in full: a CRC-valid line of another writer is not trusted either. */
function isRecord(value: unknown): value is ArchRecord | FailedRecord {
  if (!isObject(value) || typeof value.arch !== "string" || !Number.isInteger(value.index)) return false;
  if (typeof value.failed === "string") return true;
  const { scores, nodes, flags } = value;
  return (
    isObject(scores) && Object.values(scores).every(isNumberOrNull) &&
    isObject(nodes) && Object.values(nodes).every((vector) => Array.isArray(vector) && vector.every(isNumberOrNull)) &&
    Array.isArray(flags) && flags.every((flag) => typeof flag === "string")
  );
}

function isSettings(header: Partial<StoreHeader>): boolean {
  const { space, dataset, proxies, batch, seed } = header;
  return typeof space === "string" && typeof dataset === "string" && Array.isArray(proxies) && proxies.every((name) => typeof name === "string") &&
    Number.isInteger(batch) && Number.isInteger(seed);
}

function headerOf(path: string, value: unknown, bytes: Buffer): StoreHeader {
  const header = value as Partial<StoreHeader> | undefined;
  if (header?.format !== FORMAT && bytes.includes(`"format":"${FORMAT}"`)) {
    throw new InputError(
      `stats store ${path} line 1, the header with the settings its records were computed with, is damaged: parzc cannot tell those settings, ` +
        `so it neither reads nor repairs the store. Restore the store from a copy, or compute into a new --out.`,
    );
  }
  if (header?.format !== FORMAT) {
    throw new InputError(`${path} is not a parzc stats store: its first line is not a store header. Pass a store written by \`parzc stats\` (a JSONL export goes through \`parzc stats import\`).`);
  }
  if (header.version !== VERSION) {
    throw new InputError(`${path} is a stats store of format version ${header.version}; this parzc reads version ${VERSION}. Use a matching parzc, or a new --out.`);
  }
  if (!isSettings(header)) throw new InputError(`stats store ${path} line 1 is a header without valid settings: restore the store from a copy, or compute into a new --out.`);
  return header as StoreHeader;
}

function damagedWarning(path: string, damaged: readonly DamagedLine[]): string {
  const lines = damaged.slice(0, LISTED_LINES).map(({ line }) => line).join(", ") + (damaged.length > LISTED_LINES ? ", …" : "");
  return (
    `${path}: skipped ${damaged.length} damaged line(s) (line ${lines}) that fail their checksum or hold no record; what they held is left out. ` +
    `Run \`parzc stats repair ${path}\` to set them aside and keep every good record.`
  );
}

export class StatsStore {
  private readonly entries = new Map<string, Entry>();
  private readonly failures = new Map<string, Failure>();
  private header: Span | undefined;
  private readonly damaged: DamagedLine[] = [];
  private torn: DamagedLine | undefined;
  private appendFd: number | undefined;
  private lock: StoreLock | undefined;
  private size = 0;
  private lastSync = 0;

  private constructor(
    readonly path: string,
    readonly settings: StatsSettings,
  ) {}

  /**
   * Opens a store to read; it must be a regular file (a FIFO or a device would block or never
   * end). A torn last line is ignored (a run may still be writing it); damaged lines are skipped.
   */
  static read(path: string, warn: Warn = warnOnStderr): StatsStore {
    requireStoreFile(path);
    return StatsStore.scan(path, false, warn);
  }

  /**
   * Opens a store to append to, creating it when missing, under its lock. A store of other
   * settings is refused; a torn last line is cut off; damaged lines are skipped (appending after
   * them is safe).
   */
  static write(path: string, settings: StatsSettings, warn: Warn = warnOnStderr): StatsStore {
    if (existsSync(path)) requireStoreFile(path, `${FIX_STORE}, or a new path`);
    createFolder(dirname(path), "stats store folder");
    const lock = lockStore(path);
    try {
      if (!existsSync(path)) StatsStore.create(path, settings);
      const store = StatsStore.scan(path, true, warn);
      const difference = settingDifference(store.settings, settings);
      if (difference) {
        const { flag, ours, theirs } = difference;
        throw new InputError(
          `stats store ${path} holds ${flag} ${ours}, not ${flag} ${theirs}: a store keeps one setting of space, dataset, proxies, batch and seed. ` +
            `Rerun with ${flag} ${ours} to resume it, or pass a new --out for ${flag} ${theirs}.`,
        );
      }
      store.appendFd = openSync(path, "a");
      store.lock = lock;
      return store;
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /** The header goes in by rename, so a crash never leaves a store without one. */
  private static create(path: string, settings: StatsSettings): void {
    const { space, dataset, proxies, batch, seed } = settings;
    const header: StoreHeader = { format: FORMAT, version: VERSION, space, dataset, proxies, batch, seed };
    writeFileAtomic(path, encodeLine(header));
  }

  private static scan(path: string, writable: boolean, warn: Warn): StatsStore {
    let store: StatsStore | undefined;
    let torn: DamagedLine | undefined;
    let line = 0;
    for (const raw of fileLines(path)) {
      line++;
      const value = raw.terminated ? decodeLine(raw.bytes) : undefined;
      const range = { line, start: raw.start, length: raw.bytes.length + (raw.terminated ? 1 : 0) };
      if (!store) {
        store = new StatsStore(path, headerOf(path, value, raw.bytes));
        store.header = range;
      } else if (isRecord(value)) {
        store.remember(value, range);
      } else if (raw.terminated) {
        // A whole line that no crash could leave: damaged wherever it is, and kept for repair.
        store.damaged.push(range);
      } else {
        // Only the last line lacks a newline: a write cut short.
        torn = range;
      }
    }
    if (!store) throw new InputError(`${path} is empty: it is not a parzc stats store. Delete it, or pass another --out.`);
    store.size = torn ? torn.start : statSync(path).size;
    if (store.damaged.length > 0) warn(damagedWarning(path, store.damaged));
    if (torn && writable) {
      truncateSync(path, torn.start);
      warn(`${path}: dropped a torn last record (line ${torn.line}, cut short by a crash); its architecture will be computed again.`);
    } else if (torn) {
      store.torn = torn;
      warn(`${path}: ignoring an incomplete last record (line ${torn.line}): a run may still be writing it.`);
    }
    return store;
  }

  /** The first complete record of an architecture wins; a failure counts only until it succeeds. */
  private remember(record: ArchRecord | FailedRecord, { start, length }: Span): void {
    if ("failed" in record) {
      if (!this.entries.has(record.arch)) this.failures.set(record.arch, { record, start, length });
    } else if (!this.entries.has(record.arch)) {
      this.entries.set(record.arch, { index: record.index, start, length });
      this.failures.delete(record.arch);
    }
  }

  /** Whether the architecture has a complete record (failures do not count: a rerun retries them). */
  has(arch: string): boolean {
    return this.entries.has(arch);
  }

  get count(): number {
    return this.entries.size;
  }

  /** The architectures whose last attempt failed, with the reason. */
  failed(): FailedRecord[] {
    return [...this.failures.values()].map(({ record }) => record);
  }

  /**
   * For `parzc stats repair`: the lines a clean copy keeps (the header, each architecture's
   * winning record, the standing failures) in file order, and the damaged ones (a torn tail too).
   */
  lineSpans(): { kept: Span[]; damaged: Span[] } {
    const kept = [this.header!, ...this.entries.values(), ...this.failures.values()].map(({ start, length }) => ({ start, length }));
    return { kept: kept.sort((a, b) => a.start - b.start), damaged: this.torn ? [...this.damaged, this.torn] : [...this.damaged] };
  }

  /** Appends unless the architecture already has a complete record; says whether it did. */
  append(record: ArchRecord | FailedRecord): boolean {
    if (this.appendFd === undefined) throw new Error(`StatsStore.append: ${this.path} was opened to read`);
    if (this.has(record.arch)) return false;
    const line = Buffer.from(encodeLine(record));
    writeSync(this.appendFd, line);
    this.remember(record, { start: this.size, length: line.length });
    this.size += line.length;
    if (Date.now() - this.lastSync >= FSYNC_INTERVAL_MS) this.sync();
    return true;
  }

  private sync(): void {
    if (this.appendFd !== undefined) fsyncSync(this.appendFd);
    this.lastSync = Date.now();
  }

  /** The complete records in NB201 index order, read one at a time. */
  *records(): Generator<ArchRecord> {
    const ordered = [...this.entries.values()].sort((a, b) => a.index - b.index);
    const fd = openSync(this.path, "r");
    try {
      for (const { start, length } of ordered) {
        const bytes = Buffer.alloc(length - 1);
        readSync(fd, bytes, 0, bytes.length, start);
        const record = decodeLine(bytes);
        if (!isRecord(record)) throw new InputError(`stats store ${this.path} changed while parzc read it (a \`parzc stats repair\`?): run the command again.`);
        yield record as ArchRecord;
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Flushes and closes a store opened to write, and releases its lock. */
  close(): void {
    if (this.appendFd === undefined) return;
    try {
      this.sync();
      closeSync(this.appendFd);
    } finally {
      this.appendFd = undefined;
      this.lock?.release();
    }
  }
}
