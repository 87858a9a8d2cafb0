// NB101 parameters and FLOPs in closed form, by NASLib's counting (nb101-and-darts.md §A.7):
// params of every instantiated module; FLOPs by tensorwatch 0.9.1's rules at batch 1 (a conv
// k²·Cin·Cout·H², BN 2·C·H², ReLU C·H², max-pool k²·C·H_out², the classifier its MACs). Both in
// millions, as the benchmark files store them.
import { vertexChannels } from "./channels.js";
import type { Nb101Cell } from "./ops.js";

export const STEM_CHANNELS = 128;
export const STACKS = 3;
export const CELLS_PER_STACK = 3;
const IMAGE_SIDE = 32;
const CLASSES = 10;
const KERNEL: Record<string, number> = { "conv3x3-bn-relu": 3, "conv1x1-bn-relu": 1 };

/** Each cell's (input channels, output channels, spatial side), in network order. */
export function cellShapes(): { inChannels: number; outChannels: number; side: number }[] {
  const shapes = [];
  let channels = STEM_CHANNELS;
  for (let stack = 0; stack < STACKS; stack++) {
    const side = IMAGE_SIDE >> stack;
    for (let cell = 0; cell < CELLS_PER_STACK; cell++) {
      const outChannels = stack > 0 && cell === 0 ? channels * 2 : channels;
      shapes.push({ inChannels: channels, outChannels, side });
      channels = outChannels;
    }
  }
  return shapes;
}

interface Count {
  params: number;
  flops: number;
}

/** A conv-BN-ReLU of k×k from cin to cout channels at side h. */
function convBnRelu(k: number, cin: number, cout: number, h: number): Count {
  return { params: k * k * cin * cout + 2 * cout, flops: (k * k * cin * cout + 3 * cout) * h * h };
}

function cellCost(cell: Nb101Cell, inChannels: number, outChannels: number, side: number): Count {
  const n = cell.matrix.length;
  const channels = vertexChannels(cell, inChannels, outChannels);
  const total: Count = { params: 0, flops: 0 };
  const add = ({ params, flops }: Count) => ((total.params += params), (total.flops += flops));
  cell.ops.forEach((op, k) => {
    const c = channels[k + 1];
    if (op === "maxpool3x3") add({ params: 0, flops: 9 * c * side * side });
    else add(convBnRelu(KERNEL[op], c, c, side));
  });
  for (let t = 1; t < n; t++) if (cell.matrix[0][t]) add(convBnRelu(1, inChannels, channels[t], side));
  return total;
}

export function nb101Cost(cell: Nb101Cell): { params: number; flops: number } {
  const stem = convBnRelu(3, 3, STEM_CHANNELS, IMAGE_SIDE);
  const total = { ...stem };
  let lastChannels = STEM_CHANNELS;
  cellShapes().forEach(({ inChannels, outChannels, side }, i) => {
    if (i > 0 && i % CELLS_PER_STACK === 0) total.flops += 4 * inChannels * side * side; // the 2×2 max-pool before the stack
    const { params, flops } = cellCost(cell, inChannels, outChannels, side);
    total.params += params;
    total.flops += flops;
    lastChannels = outChannels;
  });
  total.params += lastChannels * CLASSES + CLASSES;
  total.flops += lastChannels * CLASSES;
  return { params: total.params / 1e6, flops: total.flops / 1e6 };
}
