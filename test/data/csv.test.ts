import { test } from "uvu";
import * as assert from "uvu/assert";
import { columnValues, parseCsv } from "../../src/data/csv.js";
import { throwsInputError } from "../helpers/inputError.js";

test("reads a header, rows and a trailing newline, with \\r\\n line ends too", () => {
  for (const text of ["a,b\n1,2\n3,4\n", "a,b\r\n1,2\r\n3,4"]) {
    const csv = parseCsv(text, "t.csv");
    assert.equal(csv.header, ["a", "b"]);
    assert.equal(csv.rows, [["1", "2"], ["3", "4"]]);
  }
});

test("quoted fields keep their commas and doubled quotes", () => {
  const csv = parseCsv('net,name\n"(4, 0, 3)","say ""hi"""\n', "t.csv");
  assert.equal(columnValues(csv, "net"), ["(4, 0, 3)"]);
  assert.equal(columnValues(csv, "name"), ['say "hi"']);
});

test("a malformed row is reported with its line number", () => {
  throwsInputError(() => parseCsv("a,b\n1,2\n3\n", "t.csv"), "t.csv line 3", "found 1 field(s), expected 2");
  throwsInputError(() => parseCsv('a,b\n"1,2\n', "t.csv"), "t.csv line 2", "not closed");
  throwsInputError(() => parseCsv("", "t.csv"), "t.csv is empty");
});

test("an unknown column is refused with the columns there are", () => {
  throwsInputError(() => columnValues(parseCsv("a,b\n1,2\n", "t.csv"), "c"), 'no column "c"', "a, b");
});

test.run();
