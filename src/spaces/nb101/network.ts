// The NB101 network as NASLib built it for its published scores (archai's model, nb101-and-darts.md
// §A): stem Conv3×3-BN-ReLU, 3 stacks × 3 cells with a 2×2 max-pool before stacks 2 and 3 (whose
// first cells double the channels), then the spatial mean → Linear. Inside a cell each vertex sums
// its truncated interior inputs and a 1×1 projection of the cell input, the vertices feeding the
// output are concatenated, and a projection of the input is added to that (out of place).
// Parameters, nodes and batch norms follow archai's registration order (tools/nb101_torch.py is the
// PyTorch twin): per cell the vertex ops, then the projections. Building allocates nothing.
import type { Engine } from "../../engine/engine.js";
import type { BatchNorm2d } from "../../engine/layers/batchnorm2d.js";
import { ConvBnRelu } from "../../engine/layers/convBnRelu.js";
import { Linear } from "../../engine/layers/linear.js";
import { addAll } from "../../engine/ops/add.js";
import { concatChannels, truncateChannels } from "../../engine/ops/channels.js";
import { maxPool2x2, maxPool3x3 } from "../../engine/ops/maxPool.js";
import { globalAvgPool } from "../../engine/ops/pool.js";
import type { InitScheme, Parameter, Tensor, WeightSource } from "../../engine/tensor.js";
import type { NetworkNode, SpaceNetwork } from "../network.js";
import { vertexChannels } from "./channels.js";
import { CELLS_PER_STACK, STEM_CHANNELS, cellShapes } from "./cost.js";
import type { Nb101Cell, Nb101Op } from "./ops.js";

export interface Nb101NetworkOptions {
  /** Channels of the stem and the first stack (128 in NB101); the later stacks double it. */
  stemChannels?: number;
  classes?: number;
}

/** archai's module name and kernel of each conv op (a max-pool has no module with weights). */
const VERTEX_CONVS: Partial<Record<Nb101Op, { module: string; kernel: number }>> = {
  "conv3x3-bn-relu": { module: "conv3x3", kernel: 3 },
  "conv1x1-bn-relu": { module: "conv1x1", kernel: 1 },
};

const present = (layers: readonly (ConvBnRelu | undefined)[]) => layers.flatMap((l) => (l ? [l] : []));

class Cell {
  readonly channels: number[];
  /** vertexOps[t] for interior vertex t; undefined at 0 and for max-pools. */
  readonly vertexOps: (ConvBnRelu | undefined)[] = [undefined];
  /** projections[t]: the 1×1 projection of the cell input into vertex t, where M[0][t] = 1. */
  readonly projections: (ConvBnRelu | undefined)[] = [undefined];

  constructor(
    name: string,
    readonly cell: Nb101Cell,
    inChannels: number,
    readonly outChannels: number,
  ) {
    const { matrix, ops } = cell;
    const n = matrix.length;
    this.channels = vertexChannels(cell, inChannels, outChannels);
    ops.forEach((op, k) => {
      const t = k + 1;
      const c = this.channels[t];
      const conv = VERTEX_CONVS[op];
      this.vertexOps.push(conv && new ConvBnRelu(`${name}.vertex_op.${t}.${conv.module}`, c, c, conv.kernel, "heNormalFanOut"));
    });
    for (let t = 1; t < n; t++) {
      this.projections.push(matrix[0][t] ? new ConvBnRelu(`${name}.input_op.${t}`, inChannels, this.channels[t], 1, "heNormalFanOut") : undefined);
    }
  }

  layers(): ConvBnRelu[] {
    return [...present(this.vertexOps), ...present(this.projections)];
  }

  forward(engine: Engine, x: Tensor): Tensor {
    const { matrix } = this.cell;
    const n = matrix.length;
    const out = n - 1;
    const values: Tensor[] = [x];
    const feeders: Tensor[] = [];
    for (let t = 1; t < out; t++) {
      const terms: Tensor[] = [];
      for (let src = 1; src < t; src++) if (matrix[src][t]) terms.push(truncateChannels(engine, values[src], this.channels[t]));
      if (matrix[0][t]) terms.push(this.projections[t]!.forward(engine, x));
      // Pruned cells give every interior vertex an input.
      const input = addAll(engine, terms);
      const op = this.vertexOps[t];
      values.push(op ? op.forward(engine, input) : maxPool3x3(engine, input));
      if (matrix[t][out]) feeders.push(values[t]);
    }
    if (feeders.length === 0) return this.projections[out]!.forward(engine, x);
    const joined = concatChannels(engine, feeders);
    return matrix[0][out] ? addAll(engine, [joined, this.projections[out]!.forward(engine, x)]) : joined;
  }
}

export class Nb101Network implements SpaceNetwork {
  readonly stem: ConvBnRelu;
  /** The 9 cells; a 2×2 max-pool runs before cells 3 and 6. */
  readonly cells: Cell[];
  readonly classifier: Linear;

  constructor(
    readonly cell: Nb101Cell,
    readonly stemChannels = STEM_CHANNELS,
    readonly classes = 10,
  ) {
    this.stem = new ConvBnRelu("layers.0", 3, stemChannels, 3, "heNormalFanOut");
    // cost.ts's layout at this width; archai's `layers` list holds the max-pools too.
    const width = (channels: number) => (channels / STEM_CHANNELS) * stemChannels;
    this.cells = cellShapes().map(({ inChannels, outChannels }, i) => {
      const layer = 1 + i + Math.floor(i / CELLS_PER_STACK);
      return new Cell(`layers.${layer}`, cell, width(inChannels), width(outChannels));
    });
    this.classifier = new Linear("classifier", this.cells[this.cells.length - 1].outChannels, classes, "normal0.01");
  }

  private layers(): ConvBnRelu[] {
    return [this.stem, ...this.cells.flatMap((c) => c.layers())];
  }

  /** Every parameter in PyTorch `named_parameters()` order. */
  parameters(): Parameter[] {
    return [...this.layers().flatMap((l) => l.parameters()), ...this.classifier.parameters()];
  }

  /** Stem, per cell its vertex convs then its projections, the classifier: at most 83. */
  nodes(): NetworkNode[] {
    return [...this.layers().map((l) => l.conv), this.classifier];
  }

  nodeOutputSides(inputSide: number): number[] {
    const sides = [inputSide];
    let side = inputSide;
    this.cells.forEach((c, i) => {
      if (i > 0 && i % CELLS_PER_STACK === 0) side = Math.floor(side / 2);
      for (let k = 0; k < c.layers().length; k++) sides.push(side);
    });
    return [...sides, 1];
  }

  batchNorms(): BatchNorm2d[] {
    return this.layers().map((l) => l.bn);
  }

  parameterCount(): number {
    return this.parameters().reduce((sum, p) => sum + p.size, 0);
  }

  /** "pytorch" draws each weight by its own init, here archai's He-normal fan-out and N(0, 0.01²). */
  allocate(engine: Engine, seed: WeightSource, scheme: InitScheme = "pytorch"): void {
    engine.allocateParameters(this.parameters(), seed, scheme);
    for (const bn of this.batchNorms()) bn.resetRunningStats();
  }

  setBatchNorm(enabled: boolean): void {
    for (const bn of this.batchNorms()) bn.enabled = enabled;
  }

  /** x: channel-major images [3, N, H, W] → the last cell's output [4·stem, N, H/4, W/4]. */
  features(engine: Engine, x: Tensor): Tensor {
    let h = this.stem.forward(engine, x);
    this.cells.forEach((c, i) => {
      if (i > 0 && i % CELLS_PER_STACK === 0) h = maxPool2x2(engine, h);
      h = c.forward(engine, h);
    });
    return h;
  }

  forward(engine: Engine, x: Tensor): Tensor {
    return this.classifier.forward(engine, globalAvgPool(engine, this.features(engine, x)));
  }
}

/** NB101's network for a pruned cell (stem 128, CIFAR-10's 10 classes unless told). */
export function nb101Network(cell: Nb101Cell, { stemChannels = STEM_CHANNELS, classes = 10 }: Nb101NetworkOptions = {}): Nb101Network {
  if (!Number.isInteger(stemChannels) || stemChannels < 1) throw new Error(`nb101Network: stem width ${stemChannels} must be a positive integer`);
  return new Nb101Network(cell, stemChannels, classes);
}
