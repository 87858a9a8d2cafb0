// Standard normal draws for the Bayesian layers' ε, from the project's one seeded PRNG. Box–Muller
// gives two independent normals per pair of uniforms; Random.normal() keeps only the cosine one,
// and ε is redrawn for every forward, so using both halves the cost of the hottest draw.
import type { Random } from "../util/random.js";

export function fillNormal(random: Random, out: Float64Array): Float64Array {
  let i = 0;
  for (; i + 1 < out.length; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(1 - random.uniform())); // 1 − u ∈ (0, 1]
    const angle = 2 * Math.PI * random.uniform();
    out[i] = radius * Math.cos(angle);
    out[i + 1] = radius * Math.sin(angle);
  }
  if (i < out.length) out[i] = random.normal();
  return out;
}
