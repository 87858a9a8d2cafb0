// The store's line codec: `<crc32 of the JSON, 8 hex digits> <JSON>\n`. The checksum and the
// newline tell a whole record from one torn by a crash mid-write (or by a disk that lost the
// tail), so a reader never mistakes half a record for a record.
import { closeSync, openSync, readSync } from "node:fs";
import { crc32 } from "node:zlib";

const CHECKSUM_DIGITS = 8;
const NEWLINE = 0x0a;
const CHUNK_BYTES = 1 << 22;

export function encodeLine(value: unknown): string {
  const json = JSON.stringify(value);
  return `${crc32(json).toString(16).padStart(CHECKSUM_DIGITS, "0")} ${json}\n`;
}

/**
 * The value of one line (without its newline), or undefined when the checksum does not match or
 * the checksummed text is not JSON (a foreign writer's line: damaged all the same).
 */
export function decodeLine(bytes: Buffer): unknown {
  if (bytes.length <= CHECKSUM_DIGITS + 1 || bytes[CHECKSUM_DIGITS] !== 0x20) return undefined;
  const json = bytes.subarray(CHECKSUM_DIGITS + 1);
  const expected = Number.parseInt(bytes.toString("latin1", 0, CHECKSUM_DIGITS), 16);
  if (crc32(json) !== expected) return undefined;
  try {
    return JSON.parse(json.toString("utf8"));
  } catch {
    return undefined;
  }
}

export interface RawLine {
  /** The line without its newline. */
  bytes: Buffer;
  /** Byte offset of the line's start in the file. */
  start: number;
  /** False for a last line with no newline: a write cut short. */
  terminated: boolean;
}

/** The file's lines, read in chunks so a store larger than a JS string still streams. */
export function* fileLines(path: string, chunkBytes = CHUNK_BYTES): Generator<RawLine> {
  const fd = openSync(path, "r");
  try {
    let pending = Buffer.alloc(0);
    let pendingStart = 0;
    const chunk = Buffer.alloc(chunkBytes);
    for (let read; (read = readSync(fd, chunk, 0, chunkBytes, null)) > 0; ) {
      const buffer = Buffer.concat([pending, chunk.subarray(0, read)]);
      let from = 0;
      for (let at; (at = buffer.indexOf(NEWLINE, from)) >= 0; from = at + 1) {
        yield { bytes: buffer.subarray(from, at), start: pendingStart + from, terminated: true };
      }
      pending = Buffer.from(buffer.subarray(from));
      pendingStart += from;
    }
    if (pending.length > 0) yield { bytes: pending, start: pendingStart, terminated: false };
  } finally {
    closeSync(fd);
  }
}
