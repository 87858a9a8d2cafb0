import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatArch, parseArch } from "../../../src/spaces/nb201/codec.js";
import { enumerateArchs } from "../../../src/spaces/nb201/enumerate.js";
import { throwsInputError } from "../../helpers/inputError.js";

const INDEX_0 = "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|";

test("ops come out in arch-string edge order", () => {
  assert.equal(parseArch(INDEX_0).ops, ["avg_pool_3x3", "nor_conv_1x1", "skip_connect", "nor_conv_1x1", "skip_connect", "skip_connect"]);
});

test("format then parse gives back every one of the 15,625 architectures", () => {
  for (const arch of enumerateArchs()) {
    const text = formatArch(arch);
    assert.equal(parseArch(text).ops, arch.ops);
    assert.is(formatArch(parseArch(text)), text);
  }
});

test("malformed strings are refused with the bad part named and the grammar shown", () => {
  const grammar = "|op~0|+|op~0|op~1|+|op~0|op~1|op~2|";
  const cases: [string, string][] = [
    ["", "the string is empty"],
    ["|none~0|+|none~0|none~1|", 'found 2 "+"-separated group(s), expected 3'],
    ["|none~0|+|none~0|none~1|+|none~0|none~1|none~2|none~3|", 'group 3 "|none~0|none~1|none~2|none~3|" has 4 token(s), expected 3'],
    ["|conv_5x5~0|+|none~0|none~1|+|none~0|none~1|none~2|", 'unknown op "conv_5x5" in token 1 of group 1 "conv_5x5~0"'],
    ["|none~0|+|none~0|none~3|+|none~0|none~1|none~2|", 'token 2 of group 2 "none~3" has source "3", expected 1'],
    ["|none~0|+|none~1|none~0|+|none~0|none~1|none~2|", 'token 1 of group 2 "none~1" has source "1", expected 0'],
    ["|none~0+|none~0|none~1|+|none~0|none~1|none~2|", 'group 1 "|none~0" must start and end with "|"'],
    ["|none|+|none~0|none~1|+|none~0|none~1|none~2|", 'token 1 of group 1 "none" is not of the form op~source'],
  ];
  for (const [text, problem] of cases) throwsInputError(() => parseArch(text), problem, grammar, "nor_conv_3x3");
});

test.run();
