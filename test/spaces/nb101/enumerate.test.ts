// The enumeration follows nasbench's generator: the counts of unique cells with at most 2…5
// vertices (1, 7, 91, 2,532) are what nasbench's own lib/graph_util.py gives under the loop of its
// scripts/generate_graphs.py (google-research/nasbench @ b942470, with --max_vertices 5; run with
// Debian's numpy). The whole space, 423,624 cells at 7 vertices, takes minutes: a bench counts it.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatCell, parseCell } from "../../../src/spaces/nb101/codec.js";
import { enumerateCells } from "../../../src/spaces/nb101/enumerate.js";
import { nb101Hash } from "../../../src/spaces/nb101/hash.js";

test("unique cells with at most 2, 3, 4 and 5 vertices: 1, 7, 91, 2,532", () => {
  assert.equal([2, 3, 4, 5].map((max) => [...enumerateCells(max)].length), [1, 7, 91, 2532]);
});

test("every enumerated cell is valid, already pruned, and has a hash of its own", () => {
  const cells = [...enumerateCells(5)];
  const hashes = new Set(cells.map(nb101Hash));
  assert.is(hashes.size, cells.length);
  for (const cell of cells) assert.is(formatCell(parseCell(formatCell(cell))), formatCell(cell));
});

test.run();
