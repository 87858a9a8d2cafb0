import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { dataFile, defaultDataRoots, resolveDataRoot } from "../../src/data/paths.js";
import { throwsInputError } from "../helpers/inputError.js";

const explicitDir = mkdtempSync(join(tmpdir(), "parzc-data-explicit-"));
const envDir = mkdtempSync(join(tmpdir(), "parzc-data-env-"));

test("--data wins over PARZC_DATA, which wins over the defaults", () => {
  assert.is(resolveDataRoot(explicitDir, { PARZC_DATA: envDir }), explicitDir);
  assert.is(resolveDataRoot(undefined, { PARZC_DATA: envDir }), envDir);
  assert.is(resolveDataRoot(undefined, {}, ["/no/such/a", envDir]), envDir);
});

test("the first default is ../shared/data beside the repository", () => {
  assert.is(defaultDataRoots()[0], resolve(import.meta.dirname, "..", "..", "..", "shared", "data"));
});

test("a folder named by --data or PARZC_DATA must exist", () => {
  throwsInputError(() => resolveDataRoot("/no/such/dir", {}), "/no/such/dir (from --data)", "PARZC_DATA");
  throwsInputError(() => resolveDataRoot(undefined, { PARZC_DATA: "/no/env/dir" }), "/no/env/dir (from PARZC_DATA)", "--data");
});

test("no data folder at all lists the places tried and the fix", () => {
  throwsInputError(() => resolveDataRoot(undefined, {}, ["/no/such/a", "/no/such/b"]), "/no/such/a, /no/such/b", "--data", "PARZC_DATA");
});

test("a missing data file is named with the folder it was looked for in", () => {
  throwsInputError(() => dataFile(envDir, "nb201", "missing.csv"), join(envDir, "nb201", "missing.csv"), "nb201/missing.csv");
});

test.after(() => {
  rmSync(explicitDir, { recursive: true });
  rmSync(envDir, { recursive: true });
});

test.run();
