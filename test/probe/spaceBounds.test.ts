// A count of architectures is bounded by the space the command runs on ([spaces] issue,
// deliverable 1): --archs sample:N and --pool sample:N by the chosen space's size, --top too; the
// option parsers only know the largest space, so NB101's counts above NB201's 15,625 get through.
import { test } from "uvu";
import { assertInputFailure, builtParzc } from "../helpers/builtCli.js";

test("stats --archs sample:N above the space's size: exit 2, one line naming N, the space and its size", () => {
  assertInputFailure(builtParzc(["stats", "--archs", "sample:15626", "--proxies", "params"]), "--archs sample:15626 asks for 15626 architectures", "NAS-Bench-201 (space nb201) has 15625", "at most 15625");
  assertInputFailure(builtParzc(["stats", "--space", "nb101", "--archs", "sample:423625", "--proxies", "params"]), "--archs sample:423625", "NAS-Bench-101 (space nb101) has 423624", "at most 423624");
});

test("search --pool sample:N and --top: bounded by --space's size, so NB101 takes a --top above NB201's size", () => {
  assertInputFailure(builtParzc(["search", "--proxy", "params", "--pool", "sample:15626"]), "--pool sample:15626 asks for 15626", "NAS-Bench-201 (space nb201) has 15625");
  assertInputFailure(builtParzc(["search", "--proxy", "params", "--top", "15626"]), "--top 15626 asks for 15626", "NAS-Bench-201 (space nb201) has 15625");
  assertInputFailure(builtParzc(["search", "--space", "nb101", "--proxy", "params", "--top", "20000", "--pool", "sample:423625"]), "--pool sample:423625", "NAS-Bench-101 (space nb101) has 423624");
});

test.run();
