// The search and demo pieces on a space whose table holds only part of it (NB101: 2,842 rows of
// 423,624 cells, 2,500 of them with test_accuracy): rows found by rowOf, cells the table lacks
// shown without an index, the optimum taken over the labelled rows, the demo drawn from them.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { bundledDataRoot, findDataFile } from "../../src/data/paths.js";
import { archList } from "../../src/pipeline/archList.js";
import { PARZC_PROXIES, proxyNames } from "../../src/proxies/index.js";
import { demoArchs, labelledRows } from "../../src/search/demoSample.js";
import { requiredDataFiles } from "../../src/search/requiredData.js";
import { formatSearch, zeroShotSearch } from "../../src/search/zeroShot.js";
import { getSpace, spaceNames } from "../../src/spaces/index.js";
import { Random } from "../../src/util/random.js";
import { throwsInputError } from "../helpers/inputError.js";

const nb101 = getSpace("nb101");
const table = nb101.benchmark(bundledDataRoot());
const accuracy = table.column("test_accuracy");

test("zeroShotSearch on NB101's table: table rows by rowOf, no index for a cell the table lacks, the optimum over the 2,500 labelled", () => {
  const rows = [5, 17, 300, 1200];
  const outside = nb101.sample(50, new Random(9)).find((arch) => table.rowOf(arch) < 0)!;
  const archs = [...rows.map((row) => table.archAt(row)), outside];
  const result = zeroShotSearch(archs, [1, 4, 2, 3, 9], undefined, 5, { space: nb101, table, target: "test_accuracy" });
  assert.equal(result.rows.map((row) => row.index), [null, 17, 1200, 300, 5]);
  assert.ok(Number.isNaN(result.rows[0].accuracy), "no accuracy for a cell the table lacks");
  assert.equal(result.rows.slice(1).map((row) => row.accuracy), [17, 1200, 300, 5].map((row) => accuracy[row]));
  assert.is(result.best?.accuracy, Math.max(...rows.map((row) => accuracy[row])));

  let top = 0;
  for (let row = 0; row < table.rowCount; row++) if (accuracy[row] > accuracy[top]) top = row;
  assert.equal(result.optimum, { arch: table.archAt(top), index: top, accuracy: accuracy[top] });
  assert.equal(result.optimumOver, { labelled: 2500, space: 423624 });

  const text = formatSearch(result, "score");
  assert.match(text, /\n {3}1 {6}- {2}9\.0000 +n\/a +/, "the outside cell: no index, no accuracy");
  assert.ok(text.includes(`benchmark optimum: ${accuracy[top].toFixed(2)} (index ${top}), the best of the 2,500 of 423,624 architectures with a test_accuracy; gap `), text);
});

test("the NB101 demo draws, seeded, from the 2,500 cells with test_accuracy; NB201's is the space's own seeded sample, as before", () => {
  assert.is(labelledRows(nb101, table).length, 2500);
  const drawn = demoArchs(nb101, table, 12, 0);
  assert.is(new Set(drawn).size, 12);
  assert.ok(drawn.every((arch) => Number.isFinite(accuracy[table.rowOf(arch)])));
  assert.equal(demoArchs(nb101, table, 12, 0), drawn, "the same seed draws the same cells");
  assert.not.equal(demoArchs(nb101, table, 12, 1), drawn);
  throwsInputError(() => demoArchs(nb101, table, 2501, 0), "--sample 2501", "2,500", "test_accuracy", "--sample 2500 or fewer");

  const nb201 = getSpace("nb201");
  assert.equal(demoArchs(nb201, nb201.benchmark(bundledDataRoot()), 40, 0), archList(nb201, { kind: "sample", count: 40 }, 0));
});

test("every space's demo plan can run: known baselines beside ParZC's three, enough left to evaluate, a sample its draw holds, its files shipped", () => {
  for (const name of spaceNames()) {
    const space = getSpace(name);
    const { demo } = space;
    assert.ok(demo.baselines.every((proxy) => proxyNames().includes(proxy) && !(PARZC_PROXIES as readonly string[]).includes(proxy)), name);
    assert.ok(demo.trainSize >= 2 && demo.trainSize < demo.sample - 1, name);
    assert.is(demoArchs(space, space.benchmark(bundledDataRoot()), demo.sample, 0).length, demo.sample, name);
    assert.ok(requiredDataFiles(space).every((file) => findDataFile(bundledDataRoot(), file) !== undefined), name);
  }
});

test.run();
