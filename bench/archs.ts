// The two NB201 architectures every network-level benchmark reports: the largest (all six
// edges nor_conv_3x3) and a median-FLOPs one (index 14452), as the issues specify.
import { formatArch } from "../src/spaces/nb201/codec.js";
import { LARGEST_ARCH } from "../src/spaces/nb201/ops.js";
import { loadNb201Table } from "../src/spaces/nb201/table.js";

export const MEDIAN_INDEX = 14452;

export function benchArchs(): { name: string; arch: string }[] {
  return [
    { name: "largest", arch: formatArch(LARGEST_ARCH) },
    { name: `index_${MEDIAN_INDEX}`, arch: loadNb201Table().archAt(MEDIAN_INDEX) },
  ];
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
