import { test } from "uvu";
import * as assert from "uvu/assert";
import { readCsv } from "../../../src/data/csv.js";
import { dataFile, resolveDataRoot } from "../../../src/data/paths.js";
import {
  archFromNaslibTuple,
  formatArch,
  formatNaslibTuple,
  naslibTupleOf,
  parseArch,
  parseNaslibTuple,
} from "../../../src/spaces/nb201/conversions.js";
import { enumerateArchs } from "../../../src/spaces/nb201/enumerate.js";
import { throwsInputError } from "../../helpers/inputError.js";

test("NASLib (0,2,3,2,3,1) is the §A.1 worked example, both ways", () => {
  const text = "|skip_connect~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_1x1~0|nor_conv_1x1~1|none~2|";
  assert.is(formatArch(archFromNaslibTuple([0, 2, 3, 2, 3, 1])), text);
  assert.equal(naslibTupleOf(parseArch(text)), [0, 2, 3, 2, 3, 1]);
});

test("every architecture survives op list → NASLib tuple → op list", () => {
  for (const arch of enumerateArchs()) assert.equal(archFromNaslibTuple(naslibTupleOf(arch)).ops, arch.ops);
});

test("all 9,445 net / net_str pairs of NB-Suite-Zero agree", () => {
  const csv = readCsv(dataFile(resolveDataRoot(), "nbsz_graf", "nb201_zc_proxies.csv"));
  const [net, netStr] = [csv.header.indexOf("net"), csv.header.indexOf("net_str")];
  assert.is(csv.rows.length, 9445);
  for (const row of csv.rows) {
    assert.is(formatArch(archFromNaslibTuple(parseNaslibTuple(row[net]))), row[netStr]);
    assert.is(formatNaslibTuple(naslibTupleOf(parseArch(row[netStr]))), row[net]);
  }
});

test("bad tuples are refused with the expected form", () => {
  throwsInputError(() => archFromNaslibTuple([0, 2, 3]), "(0, 2, 3)", "6 integers in 0..4", "1 none");
  throwsInputError(() => archFromNaslibTuple(parseNaslibTuple("(0, 2, 3, 2, 3, 5)")), "(0, 2, 3, 2, 3, 5)");
  throwsInputError(() => parseNaslibTuple("0, 2, 3, 2, 3, 1"), "in parentheses");
});

test.run();
