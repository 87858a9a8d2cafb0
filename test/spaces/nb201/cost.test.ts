import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseArch } from "../../../src/spaces/nb201/codec.js";
import { flops, flopsNbsz, nodeCount, paramCount } from "../../../src/spaces/nb201/cost.js";
import { NB201_DATASET_NAMES } from "../../../src/spaces/nb201/datasets.js";
import { enumerateArchs } from "../../../src/spaces/nb201/enumerate.js";

const same = (op: string) => `|${op}~0|+|${op}~0|${op}~1|+|${op}~0|${op}~1|${op}~2|`;

// docs/nb201-and-proxies.md §A.9: per dataset (cifar10, cifar100, ImageNet16-120)
// [params (M), FLOPs NB201 (M), FLOPs NB-Suite-Zero (M)].
const VECTORS: [string, number, [number, number, number][]][] = [
  [same("none"), 8, [[0.073306, 7.78305, 7.943872], [0.079156, 7.7889, 7.949632], [0.080456, 1.9534, 1.993792]]],
  ["|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|", 38,
    [[0.129306, 15.64737, 17.958592], [0.135156, 15.65322, 17.964352], [0.136456, 3.91948, 4.497472]]],
  ["|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|none~2|", 38,
    [[0.559386, 78.56193, 79.582912], [0.565236, 78.56778, 79.588672], [0.566536, 19.64812, 19.903552]]],
  [same("nor_conv_1x1"), 98, [[0.241306, 31.37601, 34.117312], [0.247156, 31.38186, 34.123072], [0.248456, 7.85164, 8.537152]]],
  [same("avg_pool_3x3"), 8, [[0.073306, 7.78305, 15.685312], [0.079156, 7.7889, 15.691072], [0.080456, 1.9534, 3.929152]]],
  ["|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|", 83,
    [[1.288506, 184.73025, 187.041472], [1.294356, 184.7361, 187.047232], [1.295656, 46.1902, 46.768192]]],
  [same("nor_conv_3x3"), 98, [[1.531546, 220.11969, 222.860992], [1.537396, 220.12554, 222.866752], [1.538696, 55.03756, 55.723072]]],
  ["|skip_connect~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_1x1~0|nor_conv_1x1~1|none~2|", 68,
    [[0.615386, 86.42625, 88.307392], [0.621236, 86.4321, 88.313152], [0.622536, 21.6142, 22.084672]]],
];

const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-6, `${what}: ${actual} should be ${expected}`);

test("params, NB201 FLOPs and NB-Suite-Zero FLOPs match every §A.9 test vector", () => {
  for (const [text, nodes, perDataset] of VECTORS) {
    const arch = parseArch(text);
    assert.is(nodeCount(arch), nodes, text);
    perDataset.forEach(([params, nb201Flops, nbszFlops], d) => {
      const dataset = NB201_DATASET_NAMES[d];
      assert.ok(Number.isInteger(paramCount(arch, dataset)));
      close(paramCount(arch, dataset) / 1e6, params, `params ${dataset} ${text}`);
      close(flops(arch, dataset), nb201Flops, `FLOPs ${dataset} ${text}`);
      close(flopsNbsz(arch, dataset), nbszFlops, `NB-Suite-Zero FLOPs ${dataset} ${text}`);
    });
  }
});

test("NB201 FLOPs over the space span 7.78305 to 220.11969 on CIFAR-10", () => {
  const all = enumerateArchs().map((arch) => flops(arch, "cifar10"));
  close(Math.min(...all), 7.78305, "min");
  close(Math.max(...all), 220.11969, "max");
});

test.run();
