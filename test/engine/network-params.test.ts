// The built network's parameters, counted from its modules, must equal the closed form of
// nb201-and-proxies.md §A.9 for every architecture and dataset, and its node list must be
// 8 + 15·k long.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { nb201Network } from "../../src/spaces/nb201/network.js";
import { enumerateArchs } from "../../src/spaces/nb201/enumerate.js";
import { paramCount, nodeCount } from "../../src/spaces/nb201/cost.js";
import { NB201_DATASET_NAMES } from "../../src/spaces/nb201/datasets.js";

test("built parameter counts equal the closed form for all 15,625 architectures on 3 datasets", () => {
  let checked = 0;
  for (const arch of enumerateArchs()) {
    for (const dataset of NB201_DATASET_NAMES) {
      const net = nb201Network(arch, dataset);
      const built = net.parameterCount();
      if (built !== paramCount(arch, dataset)) assert.unreachable(`${dataset} ${arch.ops.join(",")}: built ${built} vs closed form ${paramCount(arch, dataset)}`);
      if (dataset === "cifar10") assert.is(net.nodes().length, nodeCount(arch));
      checked++;
    }
  }
  assert.is(checked, 15625 * 3);
});

test.run();
