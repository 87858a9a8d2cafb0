// Text files read and written line by line, gzipped when the name ends in .gz. A written file
// appears under its name only once complete, so a killed export never looks finished.
import { createReadStream, createWriteStream, renameSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { existingFile } from "./paths.js";

const isGzip = (path: string) => path.endsWith(".gz");

export async function* readLines(path: string): AsyncGenerator<string> {
  const file = createReadStream(existingFile(path, "input file"));
  const input = isGzip(path) ? file.pipe(createGunzip()) : file;
  file.on("error", (error) => input.destroy(error));
  input.setEncoding("utf8");
  let rest = "";
  for await (const text of input as AsyncIterable<string>) {
    const lines = (rest + text).split("\n");
    rest = lines.pop()!;
    yield* lines;
  }
  if (rest !== "") yield rest;
}

/** Writes the text to `path` (gzipped for .gz), or to stdout when `path` is undefined. */
export async function writeText(chunks: Iterable<string> | AsyncIterable<string>, path?: string): Promise<void> {
  if (path === undefined) return pipeline(Readable.from(chunks), process.stdout, { end: false });
  const partial = `${path}.partial`;
  const file = createWriteStream(partial);
  await (isGzip(path) ? pipeline(Readable.from(chunks), createGzip(), file) : pipeline(Readable.from(chunks), file));
  renameSync(partial, path);
}
