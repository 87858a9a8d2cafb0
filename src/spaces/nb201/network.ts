// The NB201 network exactly as AutoDL's TinyNetwork builds it (nb201-and-proxies.md §A):
// stem conv+BN, three stages of N cells with two ResNet reduction blocks between them,
// then BN → ReLU → global pool → Linear. Cell convs have no bias; BN is affine.
// Building it allocates nothing: shapes and parameter counts are known at once, and
// `allocate` places and initialises the weights in the engine when a pass needs them.
import type { Engine } from "../../engine/engine.js";
import { BatchNorm2d } from "../../engine/layers/batchnorm2d.js";
import { Conv2d } from "../../engine/layers/conv2d.js";
import { Linear } from "../../engine/layers/linear.js";
import { ReluConvBn } from "../../engine/layers/reluConvBn.js";
import { addAll } from "../../engine/ops/add.js";
import { globalAvgPool, avgPool2x2, avgPool3x3 } from "../../engine/ops/pool.js";
import { relu } from "../../engine/ops/relu.js";
import type { InitScheme, Parameter, Tensor, WeightSource } from "../../engine/tensor.js";
import type { NetworkNode, SpaceNetwork } from "../network.js";
import { nb201Dataset, type Nb201Dataset } from "./datasets.js";
import { NB201_EDGES, isConv, kernelSize, type Nb201Arch, type Nb201Op } from "./ops.js";
import { CELLS_PER_STAGE, STEM_CHANNELS } from "./skeleton.js";

export interface Nb201NetworkConfig {
  /** Stage-1 channels (16 in NB201); stages 2 and 3 double it. */
  channels: number;
  /** Cells per stage (5 in NB201). */
  cellsPerStage: number;
  classes: number;
}

/** The benchmark's own network for a dataset (C=16, N=5). */
export function nb201Network(arch: Nb201Arch, dataset: Nb201Dataset): Nb201Network {
  return new Nb201Network(arch.ops, { channels: STEM_CHANNELS, cellsPerStage: CELLS_PER_STAGE, classes: nb201Dataset(dataset).classes });
}


interface CellEdge {
  from: number;
  to: number;
  op: Nb201Op;
  conv?: ReluConvBn;
}

class Cell {
  readonly edges: CellEdge[];

  constructor(name: string, ops: readonly Nb201Op[], channels: number) {
    this.edges = NB201_EDGES.map(({ from, to }, position) => {
      const op = ops[position];
      const conv = isConv(op) ? new ReluConvBn(`${name}.layers.${position}`, channels, channels, kernelSize(op), 1) : undefined;
      return { from, to, op, conv };
    });
  }

  parameters(): Parameter[] {
    return this.edges.flatMap((e) => e.conv?.parameters() ?? []);
  }

  nodes(): NetworkNode[] {
    return this.edges.flatMap((e) => (e.conv ? [e.conv.conv] : []));
  }

  /** Conv edges reading cell node `from`: the ReLU modules one shared ReLU replaces. */
  private convReaders(from: number): number {
    return this.edges.filter((e) => e.conv && e.from === from).length;
  }

  forward(engine: Engine, x: Tensor): Tensor {
    const values: Tensor[] = [x];
    const activated: (Tensor | undefined)[] = [];
    for (let node = 1; node <= 3; node++) {
      const terms: Tensor[] = [];
      for (const edge of this.edges) {
        if (edge.to !== node || edge.op === "none") continue;
        const input = values[edge.from];
        if (edge.conv) {
          // Convs leaving the same node share one ReLU of it.
          activated[edge.from] ??= relu(engine, input, this.convReaders(edge.from));
          terms.push(edge.conv.forward(engine, input, activated[edge.from]));
        } else if (edge.op === "avg_pool_3x3") {
          terms.push(avgPool3x3(engine, input));
        } else {
          terms.push(input); // skip_connect
        }
      }
      // A node fed only by `none` edges is all zeros (degenerate architectures).
      values.push(terms.length ? addAll(engine, terms) : engine.zeros(x.shape));
    }
    return values[3];
  }
}

class ReductionBlock {
  readonly convA: ReluConvBn;
  readonly convB: ReluConvBn;
  readonly shortcut: Conv2d;

  constructor(name: string, inChannels: number, outChannels: number) {
    this.convA = new ReluConvBn(`${name}.conv_a`, inChannels, outChannels, 3, 2);
    this.convB = new ReluConvBn(`${name}.conv_b`, outChannels, outChannels, 3, 1);
    this.shortcut = new Conv2d(`${name}.downsample.1`, inChannels, outChannels, 1);
  }

  parameters(): Parameter[] {
    return [...this.convA.parameters(), ...this.convB.parameters(), ...this.shortcut.parameters()];
  }

  nodes(): NetworkNode[] {
    return [this.convA.conv, this.convB.conv, this.shortcut];
  }

  forward(engine: Engine, x: Tensor): Tensor {
    const branch = this.convB.forward(engine, this.convA.forward(engine, x));
    const residual = this.shortcut.forward(engine, avgPool2x2(engine, x));
    return addAll(engine, [residual, branch]);
  }
}

export class Nb201Network implements SpaceNetwork {
  readonly stemConv: Conv2d;
  readonly stemBn: BatchNorm2d;
  readonly blocks: (Cell | ReductionBlock)[] = [];
  readonly headBn: BatchNorm2d;
  readonly classifier: Linear;

  constructor(
    readonly ops: readonly Nb201Op[],
    readonly config: Nb201NetworkConfig,
  ) {
    const { channels, cellsPerStage, classes } = config;
    this.stemConv = new Conv2d("stem.0", 3, channels, 3, 1, 1);
    this.stemBn = new BatchNorm2d("stem.1", channels);
    let width = channels;
    for (let stage = 0; stage < 3; stage++) {
      if (stage > 0) {
        this.blocks.push(new ReductionBlock(`cells.${this.blocks.length}`, width, width * 2));
        width *= 2;
      }
      for (let i = 0; i < cellsPerStage; i++) this.blocks.push(new Cell(`cells.${this.blocks.length}`, ops, width));
    }
    this.headBn = new BatchNorm2d("lastact.0", width);
    this.classifier = new Linear("classifier", width, classes);
  }

  get classes(): number {
    return this.config.classes;
  }

  /** Every parameter in PyTorch `named_parameters()` order. */
  parameters(): Parameter[] {
    return [
      ...this.stemConv.parameters(),
      ...this.stemBn.parameters(),
      ...this.blocks.flatMap((b) => b.parameters()),
      ...this.headBn.parameters(),
      ...this.classifier.parameters(),
    ];
  }

  /** The Conv2d/Linear nodes in module order: 8 + 15·k of them. */
  nodes(): NetworkNode[] {
    return [this.stemConv, ...this.blocks.flatMap((b) => b.nodes()), this.classifier];
  }

  /** Spatial side of each node's output for an input of side `inputSide` (1 for the classifier). */
  nodeOutputSides(inputSide: number): number[] {
    let side = inputSide;
    const sides = [side];
    for (const block of this.blocks) {
      if (block instanceof ReductionBlock) side = Math.floor((side - 1) / 2) + 1;
      for (let i = 0; i < block.nodes().length; i++) sides.push(side);
    }
    return [...sides, 1];
  }

  batchNorms(): BatchNorm2d[] {
    const cellBns = this.blocks.flatMap((b) =>
      b instanceof Cell ? b.edges.flatMap((e) => (e.conv ? [e.conv.bn] : [])) : [b.convA.bn, b.convB.bn],
    );
    return [this.stemBn, ...cellBns, this.headBn];
  }

  parameterCount(): number {
    return this.parameters().reduce((sum, p) => sum + p.size, 0);
  }

  /** Place the weights in the engine and initialise them from `seed` (PyTorch defaults unless told). */
  allocate(engine: Engine, seed: WeightSource, scheme: InitScheme = "pytorch"): void {
    engine.allocateParameters(this.parameters(), seed, scheme);
    for (const bn of this.batchNorms()) bn.resetRunningStats();
  }

  /** Turn every BN into the identity (false) or back into train-mode BN (true). */
  setBatchNorm(enabled: boolean): void {
    for (const bn of this.batchNorms()) bn.enabled = enabled;
  }

  /** x: channel-major images [3, N, H, W] → the head's BN+ReLU map [64, N, H/4, W/4], before pooling. */
  features(engine: Engine, x: Tensor): Tensor {
    let h = this.stemBn.forward(engine, this.stemConv.forward(engine, x));
    for (const block of this.blocks) h = block.forward(engine, h);
    return relu(engine, this.headBn.forward(engine, h));
  }

  /** x: channel-major images [3, N, H, W] → logits [N, classes]. */
  forward(engine: Engine, x: Tensor): Tensor {
    return this.classifier.forward(engine, globalAvgPool(engine, this.features(engine, x)));
  }
}
