// A file of architecture strings of one space: one a line; blank lines and # comments are skipped.
import { readFileSync } from "node:fs";
import type { AnySpace } from "../spaces/index.js";
import { InputError } from "../util/errors.js";
import { requireRegularFile } from "../util/safeFiles.js";

/** The file's architectures as canonical strings of `space`, in file order. */
export function readArchFile(space: AnySpace, path: string): string[] {
  const archs: string[] = [];
  readFileSync(requireRegularFile(path, "architecture file", `pass a text file of ${space.title} arch strings, one a line`), "utf8")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) return;
      try {
        archs.push(space.format(space.parse(line)));
      } catch (error) {
        if (error instanceof InputError) throw new InputError(`${path} line ${i + 1}: ${error.message}`);
        throw error;
      }
    });
  if (archs.length === 0) {
    throw new InputError(`${path} holds no architecture strings: expected one a line (blank lines and # comments are skipped).`);
  }
  return archs;
}
