// NASLib's sampler, seeded: distinct architectures (by graph hash), valid cells, a stated bound.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseCell } from "../../../src/spaces/nb101/codec.js";
import { nb101Hash } from "../../../src/spaces/nb101/hash.js";
import { NB101_SAMPLE_LIMIT, sampleCells } from "../../../src/spaces/nb101/sample.js";
import { Random } from "../../../src/util/random.js";
import { throwsInputError } from "../../helpers/inputError.js";

test("200 sampled cells are valid, canonical and pairwise non-isomorphic; the same seed gives the same list", () => {
  const cells = sampleCells(200, new Random(1));
  assert.is(new Set(cells.map((cell) => nb101Hash(parseCell(cell)))).size, 200);
  assert.equal(sampleCells(200, new Random(1)), cells);
  // NASLib's coin-flip matrices favour small pruned cells: the input→output-only cell comes up among the first draws.
  assert.ok(cells.includes(":01"));
});

test("a count beyond the bound is an input error naming the bound and --archs all", () => {
  throwsInputError(() => sampleCells(NB101_SAMPLE_LIMIT + 1, new Random(0)), String(NB101_SAMPLE_LIMIT), "--archs all");
});

test.run();
