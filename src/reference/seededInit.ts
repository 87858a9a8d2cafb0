// The seeded fills of assembly/seededInit.ts, drawn by Random itself: the definition they match.
import { Random } from "../util/random.js";

function fill(dst: Float64Array, count: number, state: number, draw: (random: Random) => number): number {
  const random = Random.at(state);
  for (let i = 0; i < count; i++) dst[i] = Math.fround(draw(random));
  return random.position;
}

export function fillNormal(dst: Float64Array, count: number, state: number, std: number): number {
  return fill(dst, count, state, (random) => random.normal() * std);
}

export function fillSymmetric(dst: Float64Array, count: number, state: number, bound: number): number {
  return fill(dst, count, state, (random) => random.symmetric(bound));
}
