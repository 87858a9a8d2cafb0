// A file of NB201 architecture strings: one a line; blank lines and # comments are skipped.
import { readFileSync } from "node:fs";
import { type Nb201Arch, nb201 } from "../spaces/nb201/index.js";
import { InputError } from "../util/errors.js";
import { requireRegularFile } from "../util/safeFiles.js";

export function readArchFile(path: string): Nb201Arch[] {
  const archs: Nb201Arch[] = [];
  readFileSync(requireRegularFile(path, "architecture file", "pass a text file of NB201 arch strings, one a line"), "utf8")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) return;
      try {
        archs.push(nb201.parse(line));
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
