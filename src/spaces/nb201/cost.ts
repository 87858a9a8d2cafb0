// Parameters and FLOPs in closed form (spec §A.9). The network is walked once, layer kind by
// layer kind, and a counting rule prices each kind: parameters, the NB201/AutoDL FLOP rule (conv
// and linear multiply-accumulates only) or the NB-Suite-Zero/tensorwatch rule (also BN, ReLU and
// pools). No op is skipped for being unreachable: every instantiated module counts, as in NB201.
import { type Nb201Dataset, nb201Dataset } from "./datasets.js";
import { type Nb201Arch, isConv, kernelSize } from "./ops.js";
import { CELLS_PER_STAGE, STAGE_COUNT, STEM_CHANNELS, type Stage, stagesOf } from "./skeleton.js";
import { convEdgeCount } from "./topology.js";

/** Cost of one layer; `side` is the spatial side of the layer's output (its input for ReLU). */
interface CountingRule {
  conv(inChannels: number, outChannels: number, kernel: number, side: number): number;
  batchNorm(channels: number, side: number): number;
  relu(channels: number, side: number): number;
  avgPool(channels: number, kernel: number, side: number): number;
  globalPool(channels: number, side: number): number;
  linear(inFeatures: number, outFeatures: number): number;
}

const free = () => 0;

const PARAMETERS: CountingRule = {
  conv: (cin, cout, k) => k * k * cin * cout, // no conv has a bias in NB201
  batchNorm: (c) => 2 * c,
  relu: free,
  avgPool: free,
  globalPool: free,
  linear: (inF, outF) => inF * outF + outF,
};

const NB201_FLOPS: CountingRule = {
  conv: (cin, cout, k, side) => k * k * cin * cout * side * side,
  batchNorm: free,
  relu: free,
  avgPool: free,
  globalPool: free,
  linear: (inF, outF) => inF * outF + outF,
};

const NBSZ_FLOPS: CountingRule = {
  conv: NB201_FLOPS.conv,
  batchNorm: (c, side) => 2 * c * side * side,
  relu: (c, side) => c * side * side,
  avgPool: (c, k, side) => k * k * c * side * side,
  globalPool: (c, side) => c * (side + 1) * (side + 1), // tensorwatch's formula, quirk included
  linear: (inF, outF) => inF * outF,
};

function reluConvBn(rule: CountingRule, cin: number, cout: number, kernel: number, inSide: number, outSide: number) {
  return rule.relu(cin, inSide) + rule.conv(cin, cout, kernel, outSide) + rule.batchNorm(cout, outSide);
}

function cellCost(rule: CountingRule, arch: Nb201Arch, { channels, side }: Stage): number {
  let total = 0;
  for (const op of arch.ops) {
    if (isConv(op)) total += reluConvBn(rule, channels, channels, kernelSize(op), side, side);
    else if (op === "avg_pool_3x3") total += rule.avgPool(channels, kernelSize(op), side);
  }
  return total;
}

/** The stride-2 ResNet basic block between stages (§A.5). */
function residualBlockCost(rule: CountingRule, inChannels: number, inSide: number, { channels, side }: Stage): number {
  const branch = reluConvBn(rule, inChannels, channels, 3, inSide, side) + reluConvBn(rule, channels, channels, 3, side, side);
  const shortcut = rule.avgPool(inChannels, 2, side) + rule.conv(inChannels, channels, 1, side);
  return branch + shortcut;
}

function networkCost(rule: CountingRule, arch: Nb201Arch, dataset: Nb201Dataset): number {
  const { inputChannels, classes } = nb201Dataset(dataset);
  const stages = stagesOf(dataset);
  let total = rule.conv(inputChannels, STEM_CHANNELS, 3, stages[0].side) + rule.batchNorm(STEM_CHANNELS, stages[0].side);
  stages.forEach((stage, s) => {
    if (s > 0) total += residualBlockCost(rule, stages[s - 1].channels, stages[s - 1].side, stage);
    total += CELLS_PER_STAGE * cellCost(rule, arch, stage);
  });
  const { channels, side } = stages[stages.length - 1];
  const head = rule.batchNorm(channels, side) + rule.relu(channels, side) + rule.globalPool(channels, side);
  return total + head + rule.linear(channels, classes);
}

/** Exact number of parameters (weights, BN γ/β, classifier bias). */
export function paramCount(arch: Nb201Arch, dataset: Nb201Dataset): number {
  return networkCost(PARAMETERS, arch, dataset);
}

/** FLOPs in millions, NB201/AutoDL rule (batch 1, multiply-accumulates of conv and linear). */
export function flops(arch: Nb201Arch, dataset: Nb201Dataset): number {
  return networkCost(NB201_FLOPS, arch, dataset) / 1e6;
}

/** FLOPs in millions, NAS-Bench-Suite-Zero rule (NASLib `flops` proxy via tensorwatch). */
export function flopsNbsz(arch: Nb201Arch, dataset: Nb201Dataset): number {
  return networkCost(NBSZ_FLOPS, arch, dataset) / 1e6;
}

/** Conv2d and Linear weights in module order: stem, 2×3 residual-block convs, classifier, plus one per conv edge per cell. */
const FIXED_NODES = 8;

/** Number of Conv/Linear weights, 8 + 15·k: the length of every per-node proxy vector. */
export function nodeCount(arch: Nb201Arch): number {
  return FIXED_NODES + STAGE_COUNT * CELLS_PER_STAGE * convEdgeCount(arch);
}
