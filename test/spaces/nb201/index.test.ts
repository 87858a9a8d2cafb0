import { test } from "uvu";
import * as assert from "uvu/assert";
import { nb201 } from "../../../src/spaces/nb201/index.js";
import { Random } from "../../../src/util/random.js";

test("the nb201 facade ties the space together", () => {
  assert.is(nb201.name, "nb201");
  assert.is(nb201.size, 15625);
  const arch = nb201.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");
  assert.equal([nb201.params(arch, "cifar10"), nb201.flops(arch, "cifar10"), nb201.nodeCount(arch)], [1531546, 220.11969, 98]);
  assert.equal([nb201.isDegenerate(arch), nb201.isValid(arch), nb201.convEdgeCount(arch)], [false, true, 6]);
  assert.equal(nb201.toNaslib(arch), [2, 2, 2, 2, 2, 2]);
  assert.is(nb201.format(nb201.fromCode(nb201.codeOf(arch))), nb201.format(arch));
  assert.is(nb201.enumerate().length, 15625);
  assert.is(nb201.sample(3, new Random(0)).length, 3);
});

test.run();
