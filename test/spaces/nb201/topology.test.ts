import { test } from "uvu";
import * as assert from "uvu/assert";
import { columnValues, readCsv } from "../../../src/data/csv.js";
import { dataFile, resolveDataRoot } from "../../../src/data/paths.js";
import { formatArch, parseArch } from "../../../src/spaces/nb201/codec.js";
import { enumerateArchs } from "../../../src/spaces/nb201/enumerate.js";
import { convEdgeCount, isDegenerate, isValid } from "../../../src/spaces/nb201/topology.js";

const all = enumerateArchs();

test("exactly 341 architectures are degenerate", () => {
  assert.is(all.filter(isDegenerate).length, 341);
});

test("degeneracy follows the live paths from node 0 to node 3", () => {
  assert.ok(isDegenerate(parseArch("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|")));
  assert.ok(isDegenerate(parseArch("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|none~0|none~1|none~2|")));
  assert.not.ok(isDegenerate(parseArch("|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|")));
  assert.not.ok(isDegenerate(parseArch("|skip_connect~0|+|none~0|avg_pool_3x3~1|+|none~0|none~1|nor_conv_1x1~2|")));
});

test("the valid rule reproduces NB-Suite-Zero's 9,445 nets exactly", () => {
  const csv = readCsv(dataFile(resolveDataRoot(), "nbsz_graf", "nb201_zc_proxies.csv"));
  const expected = new Set(columnValues(csv, "net_str"));
  assert.is(expected.size, 9445);
  const valid = all.filter(isValid).map(formatArch);
  assert.is(valid.length, 9445);
  assert.ok(valid.every((text) => expected.has(text)));
});

test("an op off every input→output path makes the net invalid", () => {
  assert.ok(isValid(parseArch("|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|")));
  // Without the 2→3 edge the two convs feed nothing: NB201's "ResNet-like" string is such a net.
  assert.not.ok(isValid(parseArch("|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|none~2|")));
  assert.not.ok(isValid(parseArch("|none~0|+|none~0|nor_conv_1x1~1|+|skip_connect~0|none~1|none~2|")));
});

test("conv edges are the 1×1 and 3×3 ones", () => {
  assert.is(convEdgeCount(parseArch("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_3x3~0|none~1|nor_conv_1x1~2|")), 3);
});

test.run();
