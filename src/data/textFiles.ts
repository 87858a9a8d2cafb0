// Text files read and written line by line, gzipped when the name ends in .gz. A written file
// appears under its name only once complete (safeFiles' unique temporary, then a rename), so a
// killed export never looks finished and two exports to one name never mix.
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { InputError } from "../util/errors.js";
import { requireRegularFile, writeStreamAtomic } from "../util/safeFiles.js";

const isGzip = (path: string) => path.endsWith(".gz");

/** zlib's errors (Z_DATA_ERROR: not gzip; Z_BUF_ERROR: cut short) mean the file is damaged, not parzc. */
function isZlibError(error: unknown): error is Error {
  return error instanceof Error && String((error as NodeJS.ErrnoException).code).startsWith("Z_");
}

export async function* readLines(path: string): AsyncGenerator<string> {
  const file = createReadStream(requireRegularFile(path, "input file"));
  const input = isGzip(path) ? file.pipe(createGunzip()) : file;
  file.on("error", (error) => input.destroy(error));
  input.setEncoding("utf8");
  let rest = "";
  try {
    for await (const text of input as AsyncIterable<string>) {
      const lines = (rest + text).split("\n");
      rest = lines.pop()!;
      yield* lines;
    }
  } catch (error) {
    if (!isZlibError(error)) throw error;
    throw new InputError(`${path} is damaged or not gzip data (${error.message}): a .gz name promises gzip. Copy or export it again, or rename it without .gz if it is plain text.`);
  }
  if (rest !== "") yield rest;
}

/** Writes the text to `path` (gzipped for .gz), or to stdout when `path` is undefined. */
export async function writeText(chunks: Iterable<string> | AsyncIterable<string>, path?: string): Promise<void> {
  if (path === undefined) return pipeline(Readable.from(chunks), process.stdout, { end: false });
  await writeStreamAtomic(path, (file) => (isGzip(path) ? pipeline(Readable.from(chunks), createGzip(), file) : pipeline(Readable.from(chunks), file)));
}
