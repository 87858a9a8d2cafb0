// A predictor: a ParzcModel with its weights on an engine of its own (a private wasm instance, so
// it never shares an arena with the proxy engines of the same thread), plus the space and the
// encoding its inputs come from, what turns its outputs back into target units and the record of
// how it was made.
import { wasmBackendF64, type Backend } from "../engine/backend.js";
import { Engine } from "../engine/engine.js";
import { wasmMatmul, type MatmulBackend } from "../backends/index.js";
import { getSpace } from "../spaces/index.js";
import { Random } from "../util/random.js";
import { loadWasmInstance } from "../wasm/load.js";
import type { Calibration } from "./calibration.js";
import { LEGACY_SPACE, type ModelConfig, validateConfig } from "./config.js";
import { type EncodingSettings, parzcEncoding } from "./features.js";
import { ParzcModel } from "./model.js";
import { createRuntime, type Runtime } from "./runtime.js";

export type Precision = "f32" | "f64";

/** Model outputs are standardised targets: target = output·std + mean. */
export interface TargetScale {
  column: string;
  mean: number;
  std: number;
}

/**
 * Standardisation of the input columns from `from` on (the magnitude features), fitted on the
 * training set: x ← clamp((x − mean)/std, ±INPUT_CLAMP). The min-max node features pass unchanged.
 */
export interface InputScale {
  from: number;
  mean: number[];
  std: number[];
}

export const INPUT_CLAMP = 6;

export interface Predictor {
  readonly net: ParzcModel;
  readonly rt: Runtime;
  readonly config: ModelConfig;
  targetScale: TargetScale;
  inputScale: InputScale | null;
  encoding: EncodingSettings;
  /** Score → predicted target value, fitted on the training architectures; null in older model files. */
  calibration: Calibration | null;
  provenance: Record<string, unknown>;
}

/** An engine on a wasm instance of its own: float32 SIMD kernels, or their float64 twins. */
export async function modelEngine(precision: Precision = "f32"): Promise<Engine> {
  if (precision === "f64") return new Engine(await wasmBackendF64());
  const core = await loadWasmInstance();
  const backend: Backend = { name: "wasm", kernels: core.exports, memory: core.memory, heapBase: core.exports.heapBase(), elementBytes: 4 };
  return new Engine(backend);
}

export interface CreateOptions {
  /** Seeds the initial weights. */
  seed?: number;
  /** The search space of its architectures (default: nb201, as before spaces were named). */
  space?: string;
  precision?: Precision;
  matmul?: MatmulBackend;
  targetScale?: TargetScale;
  inputScale?: InputScale | null;
  /** Default: ParZC's encoding for the space. */
  encoding?: EncodingSettings;
  calibration?: Calibration | null;
}

/** A fresh predictor with seeded initial weights. */
export async function createPredictor(config: ModelConfig, options: CreateOptions = {}): Promise<Predictor> {
  const checked = validateConfig(config);
  const space = getSpace(options.space ?? LEGACY_SPACE);
  const net = new ParzcModel(checked, space);
  const rt = createRuntime(await modelEngine(options.precision), options.matmul ?? wasmMatmul());
  net.params.allocate(rt.engine, new Random(options.seed ?? 0));
  return {
    net, rt, config: checked,
    targetScale: options.targetScale ?? { column: "", mean: 0, std: 1 },
    inputScale: options.inputScale ?? null,
    encoding: options.encoding ?? parzcEncoding(space),
    calibration: options.calibration ?? null,
    provenance: {},
  };
}
