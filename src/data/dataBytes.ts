// The one way data files are read: `X` or, when only that is there, `X.gz`, gunzipped by name
// (a folder named by --data holds plain files, the project's data/ gzipped ones). A file of the
// project's data/ listed in its manifest is checked against the manifest's sha256 the first time
// this process reads it (2–3 ms for 3 MB, next to 15 ms of gunzip), so a damaged copy stops with
// a clear message instead of skewing results.
import { readFileSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { gunzipSync } from "node:zlib";
import { InputError } from "../util/errors.js";
import { readManifest, sha256 } from "./manifest.js";
import { bundledDataRoot, existingDataFile } from "./paths.js";

const RESTORE = "Restore the project's data/ folder (git checkout -- data, or reinstall parzc), or pass --data DIR with the original files.";

const verified = new Set<string>();

/** The file's path inside the project's data/ (e.g. nb201/nb201_merged.csv.gz), or undefined outside it. */
function bundledName(file: string): string | undefined {
  const root = bundledDataRoot();
  const path = resolve(file);
  return path.startsWith(root + sep) ? relative(root, path).split(sep).join("/") : undefined;
}

function gunzip(bytes: Buffer, file: string): Buffer {
  try {
    return gunzipSync(bytes);
  } catch (error) {
    const fix = bundledName(file) ? RESTORE : "Its name ends in .gz: pass the gzip file whole, or the plain file without .gz.";
    throw new InputError(`${file} is not a complete gzip file (${(error as Error).message}). ${fix}`);
  }
}

/** Checks a file under the project's data/ against data/manifest.json (once per file and process). */
function verifyBundled(file: string, bytes: Uint8Array): void {
  const name = bundledName(file);
  if (name === undefined || verified.has(file)) return;
  const root = bundledDataRoot();
  const entry = readManifest(root)?.files[name.replace(/\.gz$/, "")];
  if (entry) {
    const got = sha256(bytes);
    if (got !== entry.sha256) {
      throw new InputError(`${file} does not match ${root}/manifest.json: its content has sha256 ${got}, expected ${entry.sha256} (${entry.source}). ${RESTORE}`);
    }
  }
  verified.add(file);
}

/** The bytes of `path`, or of `path`.gz when only that exists; .gz files come back gunzipped. `what` names the file in messages. */
export function readDataBytes(path: string, what = "data file"): Buffer {
  const file = existingDataFile(path, what);
  const raw = readFileSync(file);
  const bytes = file.endsWith(".gz") ? gunzip(raw, file) : raw;
  verifyBundled(file, bytes);
  return bytes;
}

export function readDataText(path: string, what?: string): string {
  return readDataBytes(path, what).toString("utf8");
}
