// The stats store: one append-only file. Line 1 is a header with the settings; every other line
// is one architecture's record (or a failure), each line checksummed (storeLines.ts). Appends
// are single writes, so `kill -9` leaves at most a torn last line, which the next writer cuts
// off with a warning; fsync runs at most once a second, and on close.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, statSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { InputError } from "../util/errors.js";
import { warnOnStderr, type Warn } from "../util/warn.js";
import { type StatsSettings, settingDifference } from "./settings.js";
import { decodeLine, encodeLine, fileLines } from "./storeLines.js";

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

interface Entry {
  index: number;
  start: number;
  length: number;
}

function isRecord(value: unknown): value is ArchRecord | FailedRecord {
  const record = value as Partial<ArchRecord & FailedRecord> | null;
  return typeof record?.arch === "string" && Number.isInteger(record.index) && (typeof record.failed === "string" || typeof record.scores === "object");
}

function headerOf(path: string, value: unknown): StoreHeader {
  const header = value as Partial<StoreHeader> | undefined;
  if (header?.format !== FORMAT) {
    throw new InputError(`${path} is not a parzc stats store: its first line is not a store header. Pass a store written by \`parzc stats\` (a JSONL export goes through \`parzc stats import\`).`);
  }
  if (header.version !== VERSION) {
    throw new InputError(`${path} is a stats store of format version ${header.version}; this parzc reads version ${VERSION}. Use a matching parzc, or a new --out.`);
  }
  return header as StoreHeader;
}

export class StatsStore {
  private readonly entries = new Map<string, Entry>();
  private readonly failures = new Map<string, FailedRecord>();
  private appendFd: number | undefined;
  private size = 0;
  private lastSync = 0;

  private constructor(
    readonly path: string,
    readonly settings: StatsSettings,
  ) {}

  /** Opens a store to read. A torn last line is ignored (a run may still be writing it). */
  static read(path: string, warn: Warn = warnOnStderr): StatsStore {
    if (!existsSync(path)) throw new InputError(`stats store ${path} does not exist: pass a store written by \`parzc stats --out\`.`);
    return StatsStore.scan(path, false, warn);
  }

  /**
   * Opens a store to append to, creating it when missing. A store of other settings is refused;
   * a torn last line is cut off.
   */
  static write(path: string, settings: StatsSettings, warn: Warn = warnOnStderr): StatsStore {
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
    return store;
  }

  /** The header goes in by rename, so a crash never leaves a store without one. */
  private static create(path: string, settings: StatsSettings): void {
    mkdirSync(dirname(path), { recursive: true });
    const { space, dataset, proxies, batch, seed } = settings;
    const header: StoreHeader = { format: FORMAT, version: VERSION, space, dataset, proxies, batch, seed };
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, encodeLine(header), { flush: true });
    renameSync(partial, path);
  }

  private static scan(path: string, writable: boolean, warn: Warn): StatsStore {
    let store: StatsStore | undefined;
    let torn: { line: number; start: number } | undefined;
    let line = 0;
    for (const raw of fileLines(path)) {
      line++;
      if (torn) {
        throw new InputError(
          `stats store ${path} line ${torn.line} fails its checksum, yet more lines follow: something other than parzc changed the file. ` +
            `Restore it, or keep its first ${torn.line - 1} lines (head -n ${torn.line - 1}).`,
        );
      }
      const value = raw.terminated ? decodeLine(raw.bytes) : undefined;
      if (!store) {
        store = new StatsStore(path, headerOf(path, value));
      } else if (isRecord(value)) {
        store.remember(value, raw.start, raw.bytes.length + 1);
      } else {
        torn = { line, start: raw.start };
      }
    }
    if (!store) throw new InputError(`${path} is empty: it is not a parzc stats store. Delete it, or pass another --out.`);
    store.size = torn ? torn.start : statSync(path).size;
    if (torn && writable) {
      truncateSync(path, torn.start);
      warn(`${path}: dropped a torn last record (line ${torn.line}, cut short by a crash); its architecture will be computed again.`);
    } else if (torn) {
      warn(`${path}: ignoring an incomplete last record (line ${torn.line}): a run may still be writing it.`);
    }
    return store;
  }

  /** The first complete record of an architecture wins; a failure counts only until it succeeds. */
  private remember(record: ArchRecord | FailedRecord, start: number, length: number): void {
    if ("failed" in record) {
      if (!this.entries.has(record.arch)) this.failures.set(record.arch, record);
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
    return [...this.failures.values()];
  }

  /** Appends unless the architecture already has a complete record; says whether it did. */
  append(record: ArchRecord | FailedRecord): boolean {
    if (this.appendFd === undefined) throw new Error(`StatsStore.append: ${this.path} was opened to read`);
    if (this.has(record.arch)) return false;
    const line = Buffer.from(encodeLine(record));
    writeSync(this.appendFd, line);
    this.remember(record, this.size, line.length);
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
        yield decodeLine(bytes) as ArchRecord;
      }
    } finally {
      closeSync(fd);
    }
  }

  close(): void {
    if (this.appendFd === undefined) return;
    this.sync();
    closeSync(this.appendFd);
    this.appendFd = undefined;
  }
}
