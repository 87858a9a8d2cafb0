// Everything a proxy computes from: the architecture, the inputs, fresh networks with the
// run's seed on the float32 (or float64) engine, and the one shared cross-entropy pass.
// Every network built here starts from the same seeded weights, so proxies that share the
// gradient pass see exactly what they would see on a network of their own. The same train-mode
// forward on the batch also serves jacov/epe_nas (a second backward, from the logits, to the
// input) and nwot (the ReLU sign codes) when the run asks for them too: one forward, not three.
import type { Engine } from "../engine/engine.js";
import { lossPass } from "../engine/lossPass.js";
import type { InitScheme, InitialWeights, Tensor } from "../engine/tensor.js";
import type { AnySpace, NetworkNode, SpaceNetwork } from "../spaces/index.js";
import type { Random } from "../util/random.js";
import type { ProxyInputs } from "./inputs.js";
import { type InputJacobian, jacobianRows, standaloneJacobian } from "./jacobian.js";
import { reluKernelRecorder, standaloneReluKernel } from "./reluKernel.js";
import type { SharedProduct } from "./types.js";

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

/** What the proxies measure: a network to build, and the benchmark network's closed-form FLOPs. */
export interface ProxySubject {
  /** The network's structure (shapes, nodes) with nothing allocated. */
  describe(): SpaceNetwork;
  /** NAS-Bench-Suite-Zero's `flops` of the benchmark's own network (tests may describe a smaller one). */
  suiteZeroFlops(): number;
}

/** The benchmark's network of `arch` (parsed by `space`) for `dataset`. */
export function spaceSubject(space: AnySpace, arch: unknown, dataset: string): ProxySubject {
  return { describe: () => space.build(arch, dataset), suiteZeroFlops: () => space.suiteZeroFlops(arch, dataset) };
}

export class ProxyContext {
  private readonly products: { lossGradients?: NodeGradientStats[]; inputJacobian?: InputJacobian; reluKernel?: Float64Array } = {};
  /** The run's weights as first drawn: later networks of the run's seed copy them (NB101's largest draw 42 M normals). */
  private initialWeights?: InitialWeights;

  constructor(
    readonly subject: ProxySubject,
    readonly inputs: ProxyInputs,
    readonly seed: number,
    private readonly engines: EngineSet,
    /** What the run's proxies read of the shared pass (computeProxies fills it from their needs). */
    private readonly shared: ReadonlySet<SharedProduct> = new Set(),
  ) {}

  get engine(): Engine {
    return this.engines.f32;
  }

  float64Engine(): Promise<Engine> {
    return this.engines.f64();
  }

  /** A fresh network on `engine` (its arena is cleared first) with the run's weights. */
  network(engine: Engine = this.engine, { seed = this.seed, scheme }: { seed?: number | Random; scheme?: InitScheme } = {}): SpaceNetwork {
    engine.resetAll();
    const net = this.describeNetwork();
    const runWeights = seed === this.seed && (scheme ?? "pytorch") === "pytorch";
    net.allocate(engine, runWeights && this.initialWeights ? this.initialWeights : seed, scheme);
    if (runWeights && !this.initialWeights) this.initialWeights = { values: net.parameters().map((p) => new Float32Array(engine.view(p))) };
    return net;
  }

  /** The network's structure (shapes, nodes) with nothing allocated. */
  describeNetwork(): SpaceNetwork {
    return this.subject.describe();
  }

  /** The shared cross-entropy pass on the first batch, reduced per node (computed once). */
  gradientPass(): NodeGradientStats[] {
    if (!this.products.lossGradients) this.runSharedPass();
    return this.products.lossGradients!;
  }

  /** ∂(Σ logits)/∂x of the batch (jacov, epe_nas), from the shared forward when the run also has a loss pass. */
  inputJacobian(): InputJacobian {
    if (!this.products.inputJacobian) {
      if (this.sharesPass("inputJacobian")) this.runSharedPass();
      else this.products.inputJacobian = standaloneJacobian(this);
    }
    return this.products.inputJacobian!;
  }

  /** NASWOT's kernel K of the ReLU sign codes (nwot), from the shared forward when the run also has a loss pass. */
  reluKernel(): Float64Array {
    if (!this.products.reluKernel) {
      if (this.sharesPass("reluKernel")) this.runSharedPass();
      else this.products.reluKernel = standaloneReluKernel(this);
    }
    return this.products.reluKernel!;
  }

  /** Whether `product` can ride on the loss pass: the run asks for both and that pass is still to come. */
  private sharesPass(product: SharedProduct): boolean {
    return this.shared.has(product) && this.shared.has("lossGradients") && !this.products.lossGradients;
  }

  /** One forward, the cross-entropy backward, then (if wanted) a second backward from the logits. */
  private runSharedPass(): void {
    const engine = this.engine;
    const net = this.network();
    const nodes = net.nodes();
    const outputs = new Map<object, Tensor>();
    const jacobian = this.shared.has("inputJacobian") && !this.products.inputJacobian;
    const kernel = this.shared.has("reluKernel") && !this.products.reluKernel ? reluKernelRecorder(engine, this.inputs.batch.shape[0]) : undefined;
    lossPass(engine, net, this.inputs.batch, ({ input, logits }) => {
      this.products.lossGradients = nodes.map((node) => nodeStats(engine, node, outputs.get(node)));
      if (kernel) this.products.reluKernel = kernel.read();
      if (jacobian) {
        engine.clearGradients();
        engine.backwardFrom(logits, 1);
        this.products.inputJacobian = jacobianRows(engine, input, net.classes);
      }
    }, {
      inputGradient: jacobian, keepTape: jacobian,
      observer: { nodeOutput: (node, output) => outputs.set(node, output), reluInput: kernel?.reluInput },
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
