import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import { requireDemoData } from "../../src/search/requiredData.js";
import { getSpace } from "../../src/spaces/index.js";
import { throwsInputError } from "../helpers/inputError.js";

const nb201 = getSpace("nb201");
const scratch = mkdtempSync(join(tmpdir(), "parzc-required-data-"));

test("without a data folder the message says where it may be and what it must hold", () => {
  throwsInputError(() => requireDemoData(nb201, undefined, {}, [join(scratch, "absent")]),
    "--data DIR", "PARZC_DATA", join(scratch, "absent"), "nb201/nb201_merged.csv", "cifar10/data_batch_1_first1000.bin");
  throwsInputError(() => requireDemoData(nb201, join(scratch, "nope"), {}, []), "--data", "nb201/nb201_merged.csv");
});

test("a folder that lacks a file is named with the missing file", () => {
  const root = join(scratch, "partial");
  mkdirSync(join(root, "nb201"), { recursive: true });
  writeFileSync(join(root, "nb201", "nb201_merged.csv"), "index\n");
  throwsInputError(() => requireDemoData(nb201, undefined, { PARZC_DATA: root }, []), `${root} lacks cifar10/data_batch_1_first1000.bin`);
});

test.run();
