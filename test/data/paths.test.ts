import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { bundledDataRoot, dataFile, defaultDataRoots, findDataRoot, resolveDataRoot } from "../../src/data/paths.js";
import { throwsInputError } from "../helpers/inputError.js";

const explicitDir = mkdtempSync(join(tmpdir(), "parzc-data-explicit-"));
const envDir = mkdtempSync(join(tmpdir(), "parzc-data-env-"));
const sharedDir = mkdtempSync(join(tmpdir(), "parzc-data-shared-"));
const REPO = resolve(import.meta.dirname, "..", "..");

test("--data wins over PARZC_DATA, which wins over the defaults", () => {
  assert.is(resolveDataRoot(explicitDir, { PARZC_DATA: envDir }), explicitDir);
  assert.is(resolveDataRoot(undefined, { PARZC_DATA: envDir }), envDir);
  assert.is(resolveDataRoot(undefined, {}, ["/no/such/a", envDir]), envDir);
});

test("the order is --data, PARZC_DATA, the project's data/, then ../shared/data, each with the rule that picked it", () => {
  const defaults = [bundledDataRoot(), sharedDir];
  assert.equal(findDataRoot(explicitDir, { PARZC_DATA: envDir }, defaults), { path: explicitDir, via: "--data" });
  assert.equal(findDataRoot(undefined, { PARZC_DATA: envDir }, defaults), { path: envDir, via: "PARZC_DATA" });
  assert.equal(findDataRoot(undefined, {}, defaults), { path: bundledDataRoot(), via: "bundled" });
  assert.equal(findDataRoot(undefined, { PARZC_DATA: "" }, defaults), { path: bundledDataRoot(), via: "bundled" }, "an empty PARZC_DATA is unset");
  assert.equal(findDataRoot(undefined, {}, ["/no/such/bundled", sharedDir]), { path: sharedDir, via: "shared" });
});

test("the defaults are the project's data/, then ../shared/data beside the repository, then beside the working directory", () => {
  assert.equal(defaultDataRoots(), [join(REPO, "data"), resolve(REPO, "..", "shared", "data"), resolve("..", "shared", "data")]);
  assert.is(bundledDataRoot(), join(REPO, "data"));
});

test("a folder named by --data or PARZC_DATA must exist", () => {
  throwsInputError(() => resolveDataRoot("/no/such/dir", {}), "/no/such/dir (from --data)", "PARZC_DATA");
  throwsInputError(() => resolveDataRoot(undefined, { PARZC_DATA: "/no/env/dir" }), "/no/env/dir (from PARZC_DATA)", "--data");
});

test("no data folder at all lists the places tried, the order and the fix", () => {
  throwsInputError(() => resolveDataRoot(undefined, {}, ["/no/such/a", "/no/such/b"]), "/no/such/a, /no/such/b", "--data", "PARZC_DATA",
    "--data DIR, then $PARZC_DATA, then the project's own data/ folder, then ../shared/data beside the repository");
});

test("a data file is found plain or gzipped, the plain one first", () => {
  mkdirSync(join(sharedDir, "nb201"), { recursive: true });
  writeFileSync(join(sharedDir, "nb201", "t.csv.gz"), "");
  assert.is(dataFile(sharedDir, "nb201", "t.csv"), join(sharedDir, "nb201", "t.csv.gz"));
  writeFileSync(join(sharedDir, "nb201", "t.csv"), "");
  assert.is(dataFile(sharedDir, "nb201", "t.csv"), join(sharedDir, "nb201", "t.csv"));
});

test("a missing data file is named with the folder it was looked for in", () => {
  throwsInputError(() => dataFile(envDir, "nb201", "missing.csv"), join(envDir, "nb201", "missing.csv"), "nb201/missing.csv", "nb201/missing.csv.gz");
  throwsInputError(() => dataFile(bundledDataRoot(), "cifar10", "test_batch_first1000.bin"), "the project's data/ holds only what the commands need", "--data DIR");
});

test.after(() => {
  for (const dir of [explicitDir, envDir, sharedDir]) rmSync(dir, { recursive: true });
});

test.run();
