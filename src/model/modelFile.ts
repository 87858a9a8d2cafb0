// Model files: one JSON document holding the format and version, the search space, the model
// config, the encoding settings, the target's column and scale, the training provenance and every
// parameter (its shape and its float32 values, little-endian, base64). Reading checks all of it
// against the config and refuses a file of another version or with a wrongly shaped tensor, naming
// what is wrong. A file without a space (every one written before spaces) is NB201's.
import { readFileSync } from "node:fs";
import type { MatmulBackend } from "../backends/index.js";
import { InputError } from "../util/errors.js";
import { regularFileProblem, writeFileAtomic } from "../util/safeFiles.js";
import { getSpace } from "../spaces/index.js";
import { type Calibration, parseCalibration } from "./calibration.js";
import { LEGACY_SPACE, validateConfig } from "./config.js";
import { encodedSize, type EncodingSettings } from "./features.js";
import { createPredictor, type InputScale, type Precision, type Predictor, type TargetScale } from "./predictor.js";

export const MODEL_FORMAT = "parzc-model";
export const MODEL_VERSION = 1;

interface StoredParameter {
  name: string;
  shape: number[];
  /** float32 little-endian, base64. */
  data: string;
}

export interface ModelDocument {
  format: typeof MODEL_FORMAT;
  version: number;
  /** The search space of its architectures (absent in files written before spaces: nb201). */
  space?: string;
  config: unknown;
  encoding: EncodingSettings;
  target: TargetScale;
  /** Standardisation of the magnitude features, or null. */
  inputScale: InputScale | null;
  /** Score → predicted target value (src/model/calibration.ts); absent in files written before it. */
  calibration?: Calibration;
  provenance: Record<string, unknown>;
  parameters: StoredParameter[];
}

function encodeFloat32(values: ArrayLike<number>): string {
  const f32 = Float32Array.from(values);
  return Buffer.from(f32.buffer, f32.byteOffset, f32.byteLength).toString("base64");
}

function decodeFloat32(text: string): Float32Array {
  const bytes = Buffer.from(text, "base64");
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Float32Array(copy.buffer, 0, Math.floor(copy.length / 4));
}

export function modelDocument(model: Predictor): ModelDocument {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    space: model.net.space.name,
    config: model.config,
    encoding: model.encoding,
    target: model.targetScale,
    inputScale: model.inputScale,
    ...(model.calibration ? { calibration: model.calibration } : {}),
    provenance: model.provenance,
    parameters: model.net.params.entries().map(({ name, shape, values }) => ({ name, shape: [...shape], data: encodeFloat32(values) })),
  };
}

/** Writes atomically (a unique temporary file, then a rename), so a crash never leaves half a model. */
export function writeModel(path: string, model: Predictor): void {
  writeFileAtomic(path, JSON.stringify(modelDocument(model)) + "\n");
}

export interface ReadOptions {
  precision?: Precision;
  matmul?: MatmulBackend;
}

export async function readModel(path: string, options: ReadOptions = {}): Promise<Predictor> {
  // A FIFO or a device would block the read or never end it.
  const problem = regularFileProblem(path);
  if (problem) throw new InputError(`model file ${path} cannot be read: it ${problem}. Pass a file written by \`parzc train --out\`.`);
  return parseModel(readFileSync(path, "utf8"), path, options);
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => Number.isInteger(v) && v > 0);
}

/** A predictor from a model document's text; `source` names it in messages. */
export async function parseModel(text: string, source: string, options: ReadOptions = {}): Promise<Predictor> {
  let document: Partial<ModelDocument>;
  try {
    document = JSON.parse(text) as Partial<ModelDocument>;
  } catch {
    throw new InputError(`${source} is not a parzc model: it is not JSON. Pass a file written by \`parzc train --out\`.`);
  }
  if (document?.format !== MODEL_FORMAT) {
    throw new InputError(`${source} is not a parzc model (its "format" is ${JSON.stringify(document?.format)}, expected "${MODEL_FORMAT}"). Pass a file written by \`parzc train --out\`.`);
  }
  if (document.version !== MODEL_VERSION) {
    throw new InputError(`${source} is a parzc model of format version ${JSON.stringify(document.version)}; this parzc reads version ${MODEL_VERSION}. Retrain it with \`parzc train\`, or use the parzc that wrote it.`);
  }
  let config, space;
  try {
    space = getSpace(String(document.space ?? LEGACY_SPACE)).name;
    config = validateConfig(document.config);
  } catch (error) {
    throw new InputError(`${source}: ${(error as Error).message}`);
  }
  const target = document.target;
  if (!target || !Number.isFinite(target.mean) || !Number.isFinite(target.std) || typeof target.column !== "string") {
    throw new InputError(`${source}: "target" must hold the column name and the finite mean and std the outputs are scaled by.`);
  }
  const encoding = document.encoding;
  if (!encoding || !Array.isArray(encoding.proxies) || !Number.isInteger(encoding.maxNodes) || typeof encoding.magnitudes !== "boolean" || encodedSize(encoding) !== config.inputSize) {
    throw new InputError(`${source}: "encoding" (proxies × maxNodes, plus the magnitude features if set) must describe the model's ${config.inputSize} inputs.`);
  }
  const inputScale = document.inputScale ?? null;
  const base = encoding.proxies.length * encoding.maxNodes;
  if (inputScale !== null) {
    const columns = config.inputSize - base;
    const ok = inputScale.from === base && [inputScale.mean, inputScale.std].every((v) => Array.isArray(v) && v.length === columns && v.every(Number.isFinite));
    if (!ok) throw new InputError(`${source}: "inputScale" must hold a finite mean and std for each of the ${columns} input columns from ${base} on.`);
  } else if (config.inputSize > base) {
    throw new InputError(`${source}: the model takes ${config.inputSize - base} magnitude features but the file has no "inputScale" for them.`);
  }
  const stored = new Map<string, StoredParameter>();
  for (const p of Array.isArray(document.parameters) ? document.parameters : []) stored.set(p?.name, p);
  const calibration = document.calibration === undefined || document.calibration === null ? null : parseCalibration(document.calibration, source);
  const model = await createPredictor(config, { ...options, space, targetScale: target, inputScale, encoding, calibration }).catch((error: unknown) => {
    throw error instanceof InputError ? new InputError(`${source}: ${error.message}`) : error;
  });
  for (const parameter of model.net.params.list) {
    const entry = stored.get(parameter.name);
    if (!entry) throw new InputError(`${source}: parameter "${parameter.name}" [${parameter.shape.join(", ")}] is missing; the file does not match its own config.`);
    if (!isNumberArray(entry.shape) || entry.shape.join(",") !== parameter.shape.join(",")) {
      throw new InputError(`${source}: parameter "${parameter.name}" has shape [${Array.isArray(entry.shape) ? entry.shape.join(", ") : String(entry.shape)}], but the config needs [${parameter.shape.join(", ")}].`);
    }
    const values = typeof entry.data === "string" ? decodeFloat32(entry.data) : new Float32Array(0);
    if (values.length !== parameter.size) {
      throw new InputError(`${source}: parameter "${parameter.name}" holds ${values.length} values, but its shape [${parameter.shape.join(", ")}] needs ${parameter.size}.`);
    }
    // A NaN or ±Inf weight makes every prediction NaN: eval would report nothing and rank "NaN ± NaN".
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      throw new InputError(`${source}: parameter "${parameter.name}" holds ${values[bad]} (value ${bad} of ${values.length}), so every prediction would be NaN; retrain the model with \`parzc train\` (a diverged run keeps its last finite weights).`);
    }
    model.rt.engine.view(parameter).set(values);
    stored.delete(parameter.name);
  }
  if (stored.size > 0) {
    throw new InputError(`${source}: parameter(s) ${[...stored.keys()].map((n) => `"${n}"`).join(", ")} are not part of its config; the file is inconsistent.`);
  }
  model.provenance = typeof document.provenance === "object" && document.provenance !== null ? document.provenance : {};
  return model;
}
