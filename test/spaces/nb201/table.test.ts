import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatArch, parseArch } from "../../../src/spaces/nb201/codec.js";
import { paramCount } from "../../../src/spaces/nb201/cost.js";
import { enumerateArchs } from "../../../src/spaces/nb201/enumerate.js";
import { loadNb201Table } from "../../../src/spaces/nb201/table.js";
import { FIXTURE, PARAM_COLUMNS, paramMismatches } from "../../../tools/list_sibling_param_rows.js";
import { throwsInputError } from "../../helpers/inputError.js";

const table = loadNb201Table();
const INDEX_0 = "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|";

test("index 0 is the known anchor, and every arch string has its own index", () => {
  assert.is(table.archAt(0), INDEX_0);
  assert.is(table.indexOf(INDEX_0), 0);
  const indices = enumerateArchs().map((arch) => table.indexOf(formatArch(arch)));
  assert.is(new Set(indices).size, 15625);
  indices.forEach((index) => assert.ok(index >= 0 && index < 15625));
});

test("numeric columns have one value per index", () => {
  const accuracy = table.column("c10_test_200");
  assert.is(accuracy.length, 15625);
  const validation = table.column("c10v_valid_200");
  // The NB201 paper's optimum: index 6111, 91.61 validation and 94.37 test accuracy on CIFAR-10.
  assert.is(validation.indexOf(Math.max(...validation)), 6111);
  assert.equal([validation[6111], accuracy[6111]], [91.606667, 94.373333]);
  assert.is(table.column("params_mb_c10")[0], 0.129306);
});

test("unknown columns, strings and indices are refused with the fix named", () => {
  throwsInputError(() => table.column("c10_test_999"), 'no column "c10_test_999"', "c10_test_200");
  throwsInputError(() => table.indexOf("|none~0|"), '"|none~0|" is not in the NB201 table', INDEX_0);
  throwsInputError(() => table.archAt(15625), "index 15625", "0..15624");
});

test("a damaged table is refused with the file and the problem", () => {
  const scratch = mkdtempSync(join(tmpdir(), "parzc-table-"));
  const file = join(scratch, "short.csv");
  writeFileSync(file, `index,arch_str\n0,${INDEX_0}\n`);
  try {
    throwsInputError(() => loadNb201Table(file), file, "looks damaged", "1 rows, expected 15625");
  } finally {
    rmSync(scratch, { recursive: true });
  }
});

test("stored params equal the closed form except on the 150 pinned sibling rows, one conv edge off", () => {
  const pinned: number[] = JSON.parse(readFileSync(FIXTURE, "utf8")).rows;
  assert.is(pinned.length, 150);
  const none = parseArch("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");
  const oneConv = (op: string) =>
    paramCount(parseArch(`|${op}~0|+|none~0|none~1|+|none~0|none~1|none~2|`), "cifar10") - paramCount(none, "cifar10");
  const oneEdge = [oneConv("nor_conv_1x1"), oneConv("nor_conv_3x3")]; // 28,000 and 243,040
  assert.equal(oneEdge, [28000, 243040]);
  for (const [column, dataset] of PARAM_COLUMNS) {
    const mismatches = paramMismatches(table, column, dataset);
    assert.equal([...mismatches.keys()], pinned, column);
    for (const difference of mismatches.values()) assert.ok(oneEdge.includes(Math.abs(difference)), `${column}: ${difference}`);
  }
});

test.run();
