// Every registered space keeps the interface's promises (src/spaces/types.ts): canonical strings
// round-trip, the built network has the nodes and parameters the closed forms say, and no
// architecture has more nodes than the padding.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { getSpace, spaceNames } from "../../src/spaces/index.js";
import { Random } from "../../src/util/random.js";
import { throwsInputError } from "../helpers/inputError.js";

const SAMPLE = 25;

for (const name of spaceNames()) {
  const space = getSpace(name);
  const archs = [space.largest, ...space.examples, ...space.sample(SAMPLE, new Random(5))];

  test(`${name}: format(parse(s)) is s for canonical strings, and sampling is seeded and distinct`, () => {
    for (const arch of archs) assert.is(space.format(space.parse(arch)), arch);
    assert.equal(space.sample(SAMPLE, new Random(5)), archs.slice(1 + space.examples.length));
    assert.is(new Set(space.sample(SAMPLE, new Random(6))).size, SAMPLE);
  });

  test(`${name}: built nodes = nodeCount ≤ maxNodes, built parameters = the closed form, for every dataset`, () => {
    for (const dataset of space.datasets) {
      for (const arch of archs) {
        const parsed = space.parse(arch);
        const net = space.build(parsed, dataset);
        assert.is(net.nodes().length, space.nodeCount(parsed), `${arch} nodes`);
        assert.ok(net.nodes().length <= space.maxNodes, `${arch} has more nodes than ${space.maxNodes}`);
        assert.is(net.parameterCount(), space.cost(parsed, dataset).params, `${arch} parameters on ${dataset}`);
        assert.is(net.nodeOutputSides(32).length, net.nodes().length);
      }
    }
    assert.is(space.nodeCount(space.parse(space.largest)), space.maxNodes, "the largest architecture has the most nodes");
  });

  test(`${name}: bad input is an input error`, () => {
    throwsInputError(() => space.parse(""));
    throwsInputError(() => space.parse("not an architecture"));
  });
}

test("an unknown space is an input error listing the known ones", () => {
  throwsInputError(() => getSpace("nb999"), "nb999", ...spaceNames());
});

test.run();
