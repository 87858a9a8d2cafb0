// parzc's own package.json: its version for `parzc --version` and `parzc info`.
import { readFileSync } from "node:fs";

export interface PackageJson {
  name: string;
  version: string;
  devDependencies?: Record<string, string>;
}

// This file runs from src/api/ (tsx) or dist/api/ (compiled): package.json is two folders up.
export const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as PackageJson;

/** The folder parzc is installed in (or checked out to). */
export const packageRoot = new URL("../../", import.meta.url);
