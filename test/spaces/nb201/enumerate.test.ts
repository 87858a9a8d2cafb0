import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatArch } from "../../../src/spaces/nb201/codec.js";
import { NB201_SPACE_SIZE, archFromCode, codeOfArch, enumerateArchs, sampleArchs } from "../../../src/spaces/nb201/enumerate.js";
import { Random } from "../../../src/util/random.js";
import { throwsInputError } from "../../helpers/inputError.js";

test("the space has 15,625 distinct architectures", () => {
  const strings = enumerateArchs().map(formatArch);
  assert.is(strings.length, 15625);
  assert.is(new Set(strings).size, 15625);
});

test("codes run from all none to all avg_pool_3x3, edge (0→1) most significant", () => {
  assert.equal(archFromCode(0).ops, Array(6).fill("none"));
  assert.equal(archFromCode(NB201_SPACE_SIZE - 1).ops, Array(6).fill("avg_pool_3x3"));
  assert.equal(archFromCode(5 ** 5).ops, ["skip_connect", "none", "none", "none", "none", "none"]);
  enumerateArchs().forEach((arch, code) => assert.is(codeOfArch(arch), code));
});

test("a code outside 0..15624 is refused with the range", () => {
  for (const code of [-1, 15625, 2.5]) throwsInputError(() => archFromCode(code), `code ${code}`, "0..15624");
});

test("sampling draws distinct architectures, the same ones for the same seed", () => {
  const codes = sampleArchs(500, new Random(1)).map(codeOfArch);
  assert.is(new Set(codes).size, 500);
  assert.equal(sampleArchs(500, new Random(1)).map(codeOfArch), codes);
  throwsInputError(() => sampleArchs(15626, new Random(1)), "15626", "0..15625");
});

test.run();
