// Everything a proxy computes from: the architecture, the inputs, fresh networks with the
// run's seed on the float32 (or float64) engine, and the one shared cross-entropy pass.
// Every network built here starts from the same seeded weights, so proxies that share the
// gradient pass see exactly what they would see on a network of their own.
import type { Engine } from "../engine/engine.js";
import { lossPass } from "../engine/lossPass.js";
import type { InitScheme, Tensor } from "../engine/tensor.js";
import type { Nb201Arch } from "../spaces/nb201/ops.js";
import { Nb201Network, nb201Network, type NetworkNode, type Nb201NetworkConfig } from "../spaces/nb201/network.js";
import type { Random } from "../util/random.js";
import type { ProxyInputs } from "./inputs.js";

/** Per-node reductions of one cross-entropy forward+backward, all in float64. */
export interface NodeGradientStats {
  /** Elements in the weight. */
  size: number;
  /** Σ g², Σ |W⊙g|, Σ W⊙g over the weight's elements. */
  gradSquares: number;
  absWeightGrad: number;
  weightGrad: number;
  /** Fisher per output channel: ½·mean_n (Σ_hw a·∂L/∂a)², a the raw node output. */
  fisherChannels: Float64Array;
  /** C_in·k·k (Linear: in_features). */
  fanIn: number;
}

export interface EngineSet {
  f32: Engine;
  f64: () => Promise<Engine>;
}

export class ProxyContext {
  private gradientStats?: NodeGradientStats[];

  constructor(
    readonly arch: Nb201Arch,
    readonly inputs: ProxyInputs,
    readonly seed: number,
    private readonly engines: EngineSet,
    /** Overrides the benchmark's C=16, N=5 network (tests use tiny ones). */
    readonly networkConfig?: Nb201NetworkConfig,
  ) {}

  get engine(): Engine {
    return this.engines.f32;
  }

  float64Engine(): Promise<Engine> {
    return this.engines.f64();
  }

  /** A fresh network on `engine` (its arena is cleared first) with the run's weights. */
  network(engine: Engine = this.engine, { seed = this.seed, scheme = "pytorch" }: { seed?: number | Random; scheme?: InitScheme } = {}): Nb201Network {
    engine.resetAll();
    const net = this.describeNetwork();
    net.allocate(engine, seed, scheme);
    return net;
  }

  /** The network's structure (shapes, nodes) with nothing allocated. */
  describeNetwork(): Nb201Network {
    return this.networkConfig ? new Nb201Network(this.arch.ops, this.networkConfig) : nb201Network(this.arch, this.inputs.dataset);
  }

  /** The shared cross-entropy pass on the first batch, reduced per node (computed once). */
  gradientPass(): NodeGradientStats[] {
    this.gradientStats ??= this.runGradientPass();
    return this.gradientStats;
  }

  private runGradientPass(): NodeGradientStats[] {
    const engine = this.engine;
    const net = this.network();
    const nodes = net.nodes();
    const outputs = new Map<object, Tensor>();
    return lossPass(engine, net, this.inputs.batch, () => nodes.map((node) => nodeStats(engine, node, outputs.get(node))), {
      observer: { nodeOutput: (node, output) => outputs.set(node, output) },
    });
  }
}

function nodeStats(engine: Engine, node: NetworkNode, output: Tensor | undefined): NodeGradientStats {
  const k = engine.kernels;
  const w = node.weight;
  const g = engine.gradOf(w);
  const fanIn = w.size / w.shape[0];
  return {
    size: w.size,
    gradSquares: k.sumSquares(g, w.size),
    absWeightGrad: k.sumAbsProduct(w.ptr, g, w.size),
    weightGrad: k.dot(w.ptr, g, w.size),
    fisherChannels: output ? fisherChannels(engine, output) : new Float64Array(w.shape[0]),
    fanIn,
  };
}

/**
 * ½·mean_n (Σ_hw a·γ)² per channel; outputs are channel-major [C, N, …] or Linear's [N, C]. An
 * unused op (one on no path to the output) gets no gradient: gradOf gives it zeros, so it adds 0.
 */
function fisherChannels(engine: Engine, output: Tensor): Float64Array {
  const gradPtr = engine.gradOf(output); // before the views: allocating may grow (and detach) memory
  const a = engine.view(output);
  const grad = engine.values(gradPtr, output.size);
  const isLinear = output.shape.length === 2;
  const [C, N] = isLinear ? [output.shape[1], output.shape[0]] : [output.shape[0], output.shape[1]];
  const plane = isLinear ? 1 : output.size / (C * N);
  const fisher = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    let total = 0;
    for (let n = 0; n < N; n++) {
      let t = 0;
      if (isLinear) t = a[n * C + c] * grad[n * C + c];
      else for (let i = (c * N + n) * plane, end = i + plane; i < end; i++) t += a[i] * grad[i];
      total += t * t;
    }
    fisher[c] = (0.5 * total) / N;
  }
  return fisher;
}
