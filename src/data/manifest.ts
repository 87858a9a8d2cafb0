// data/manifest.json: for each file the project ships in data/ (gzipped), the size and sha256 of
// its original bytes and of the .gz, and where it came from. tools/bundle-data.ts writes it;
// ./dataBytes.ts checks a bundled file against it when a process first reads it.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../util/errors.js";

export const MANIFEST_FILE = "manifest.json";

export interface ManifestEntry {
  /** Size and sha256 of the original (uncompressed) file. */
  bytes: number;
  sha256: string;
  /** The shipped file, relative to data/ (the original's path + .gz), its size and sha256. */
  gz: string;
  gzBytes: number;
  gzSha256: string;
  /** One line of provenance (data/README.md has the details). */
  source: string;
}

export interface DataManifest {
  format: "parzc-data";
  version: 1;
  /** Original path relative to data/ (e.g. nb201/nb201_merged.csv) → its entry. */
  files: Record<string, ManifestEntry>;
}

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

const manifests = new Map<string, DataManifest | null>();

/** The manifest of a data folder, read once; null when the folder has none. */
export function readManifest(root: string): DataManifest | null {
  let manifest = manifests.get(root);
  if (manifest === undefined) {
    const file = join(root, MANIFEST_FILE);
    manifest = existsSync(file) ? parseManifest(readFileSync(file, "utf8"), file) : null;
    manifests.set(root, manifest);
  }
  return manifest;
}

function parseManifest(text: string, file: string): DataManifest {
  let manifest: Partial<DataManifest>;
  try {
    manifest = JSON.parse(text) as Partial<DataManifest>;
  } catch (error) {
    throw new InputError(`${file} is not valid JSON (${(error as Error).message}): restore the project's data/ folder (git checkout -- data, or reinstall parzc).`);
  }
  if (manifest.format !== "parzc-data" || manifest.version !== 1 || typeof manifest.files !== "object" || manifest.files === null) {
    throw new InputError(`${file} is not a parzc data manifest of version 1: restore the project's data/ folder (git checkout -- data, or reinstall parzc).`);
  }
  return manifest as DataManifest;
}
