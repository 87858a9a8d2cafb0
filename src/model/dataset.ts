// The predictor's data, independent of where it came from (a stats store, a script, a test): the
// architectures, their encoded feature vectors (./features.ts) and one target each.
import { getSpace } from "../spaces/index.js";
import { InputError } from "../util/errors.js";
import { Random } from "../util/random.js";
import { LEGACY_SPACE } from "./config.js";

export interface RankingDataset {
  archs: string[];
  features: Float32Array[];
  targets: Float64Array;
}

/** Throws an InputError naming the first inconsistency (lengths, feature size, a missing target). */
export function checkDataset(data: RankingDataset, inputSize?: number): void {
  const n = data.archs.length;
  if (data.features.length !== n || data.targets.length !== n) {
    throw new InputError(`dataset: ${n} architectures, ${data.features.length} feature vectors and ${data.targets.length} targets; they must match.`);
  }
  const size = inputSize ?? data.features[0]?.length;
  data.features.forEach((f, i) => {
    if (f.length !== size) throw new InputError(`dataset: ${data.archs[i]} has ${f.length} features, expected ${size} (the encoding's proxies × nodes).`);
  });
  data.targets.forEach((t, i) => {
    if (!Number.isFinite(t)) throw new InputError(`dataset: the target of ${data.archs[i]} is ${t}; drop architectures without a target first.`);
  });
}

export function subset(data: RankingDataset, indices: readonly number[]): RankingDataset {
  return {
    archs: indices.map((i) => data.archs[i]),
    features: indices.map((i) => data.features[i]),
    targets: Float64Array.from(indices, (i) => data.targets[i]),
  };
}

/** A seeded random train split of `trainSize` architectures; the rest is the test set (ParZC §4). */
export function splitDataset(data: RankingDataset, trainSize: number, seed: number): { train: RankingDataset; test: RankingDataset; trainIndices: number[] } {
  const n = data.archs.length;
  if (!Number.isInteger(trainSize) || trainSize < 2 || trainSize >= n) {
    throw new InputError(`--train-size ${trainSize}: expected an integer from 2 to ${n - 1} (the store has ${n} architectures with targets).`);
  }
  const order = new Random(seed).shuffle(Array.from({ length: n }, (_, i) => i));
  const trainIndices = order.slice(0, trainSize).sort((a, b) => a - b);
  const inTrain = new Set(trainIndices);
  const testIndices = Array.from({ length: n }, (_, i) => i).filter((i) => !inTrain.has(i));
  return { train: subset(data, trainIndices), test: subset(data, testIndices), trainIndices };
}

export interface SyntheticOptions {
  seed?: number;
  /** The space the architectures come from (default nb201). */
  space?: string;
  /** Features per architecture: proxies × maxNodes (3 × the space's most nodes by default). */
  proxies?: number;
  maxNodes?: number;
  /** Gaussian target noise, relative to the signal's spread. */
  noise?: number;
  /** Permute the targets: the features then carry no signal. */
  shuffleTargets?: boolean;
}

/**
 * A ranking problem with a known, learnable answer: each architecture has a hidden 8-d quality
 * vector z; its features are a fixed smooth nonlinear image of z, zero-padded past the cell's node
 * count like real encodings, and its target is a nonlinear function of z plus noise.
 */
export function syntheticDataset(n: number, options: SyntheticOptions = {}): RankingDataset {
  const space = getSpace(options.space ?? LEGACY_SPACE);
  const { seed = 0, proxies = 3, maxNodes = space.maxNodes, noise = 0.05, shuffleTargets = false } = options;
  const random = new Random(seed);
  const latent = 8;
  const inputSize = proxies * maxNodes;
  const mixing = Float64Array.from({ length: inputSize * latent }, () => random.normal() / Math.sqrt(latent));
  const a = Float64Array.from({ length: latent }, () => random.normal());
  const b = Float64Array.from({ length: latent }, () => random.normal());
  const archs = space.sample(n, random);
  const features: Float32Array[] = [];
  const targets = new Float64Array(n);
  archs.forEach((_, k) => {
    const z = Float64Array.from({ length: latent }, () => random.normal());
    const nodes = Math.min(maxNodes, space.nodeCount(space.parse(archs[k])));
    const f = new Float32Array(inputSize);
    for (let p = 0; p < proxies; p++) {
      for (let j = 0; j < nodes; j++) {
        const row = p * maxNodes + j;
        let s = 0;
        for (let l = 0; l < latent; l++) s += mixing[row * latent + l] * z[l];
        f[row] = 1 / (1 + Math.exp(-s));
      }
    }
    features.push(f);
    let az = 0, bz = 0;
    for (let l = 0; l < latent; l++) { az += a[l] * z[l]; bz += b[l] * z[l]; }
    targets[k] = Math.tanh(az / 2) + 0.25 * (bz / 2) ** 2 + noise * random.normal();
  });
  if (shuffleTargets) {
    const order = random.shuffle(Array.from({ length: n }, (_, i) => i));
    const copy = targets.slice();
    order.forEach((from, to) => (targets[to] = copy[from]));
  }
  return { archs, features, targets };
}
