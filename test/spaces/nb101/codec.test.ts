import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatCell, modelSpecOf, parseCell } from "../../../src/spaces/nb101/codec.js";
import { throwsInputError } from "../../helpers/inputError.js";

const SPEC = { matrix: [[0, 1, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 0, 1], [0, 0, 0, 0, 1], [0, 0, 0, 0, 0]], ops: ["input", "conv3x3-bn-relu", "maxpool3x3", "conv1x1-bn-relu", "output"] };

test("the three forms parse to one pruned cell, and format(parse(s)) round-trips", () => {
  const compact = "c3,mp,c1:01,02,13,24,34";
  assert.is(formatCell(parseCell(JSON.stringify(SPEC))), compact);
  assert.equal(modelSpecOf(parseCell(compact)), SPEC);
  // NASLib's first NB101 key: the raw 7×7 matrix (vertex 5 reaches nothing) and op ids.
  const tuple = "(0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 4, 4, 4, 1)";
  const pruned = parseCell(tuple);
  assert.is(formatCell(pruned), "mp,mp,c3,c3:01,02,03,04,05,15,25,34,45");
  assert.is(formatCell(parseCell(formatCell(pruned))), formatCell(pruned));
  assert.is(formatCell(parseCell(":01")), ":01");
});

test("pruning drops vertices off every input → output path, as ModelSpec does", () => {
  // Vertex 2 has no path to the output; vertex 3 none from the input.
  const spec = { matrix: [[0, 1, 1, 0, 0], [0, 0, 0, 0, 1], [0, 0, 0, 0, 0], [0, 0, 0, 0, 1], [0, 0, 0, 0, 0]], ops: ["input", "conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3", "output"] };
  assert.is(formatCell(parseCell(JSON.stringify(spec))), "c3:01,12");
});

test("bad cells are refused naming the rule they break", () => {
  throwsInputError(() => parseCell(JSON.stringify({ ...SPEC, matrix: SPEC.matrix.map((row, i) => row.map((v, j) => (i === 3 && j === 1 ? 1 : v))) })), "matrix[3][1] = 1 is on or below the diagonal", "upper-triangular");
  const eight = { matrix: Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => (j === i + 1 ? 1 : 0))), ops: ["input", ...Array(6).fill("conv3x3-bn-relu"), "output"] };
  throwsInputError(() => parseCell(JSON.stringify(eight)), "8 vertices after pruning", "at most 7");
  throwsInputError(() => parseCell("c3,c3,c3,c3,c3:01,02,03,04,05,16,26,36,46,56"), "10 edges after pruning", "at most 9");
  throwsInputError(() => parseCell(JSON.stringify({ ...SPEC, ops: ["input", "conv5x5", "maxpool3x3", "conv1x1-bn-relu", "output"] })), 'unknown op "conv5x5" at vertex 1');
  throwsInputError(() => parseCell("c3,mp:01,23"), "no path leads from the input to the output");
  throwsInputError(() => parseCell("(0, 1, 2)"), "a NASLib tuple holds 56 integers", "got 3 item(s)");
  throwsInputError(() => parseCell("x3:01"), 'unknown op "x3"');
  throwsInputError(() => parseCell("c3:10"), 'edge "10" does not go forward');
  throwsInputError(() => parseCell("{nope"), "it is not JSON");
});

test("a very long bad cell is quoted short in the error", () => {
  throwsInputError(() => parseCell(`c3:${"01,".repeat(100_000)}`), /characters\)/);
});

test.run();
