// Search spaces register here by name, one folder each (src/spaces/index.ts has the lines).
import { InputError } from "../util/errors.js";
import { quoted } from "../util/quoted.js";
import type { AnySpace, SearchSpace } from "./types.js";

const registry = new Map<string, AnySpace>();

export function defineSpace<Arch>(space: SearchSpace<Arch>): SearchSpace<Arch> {
  if (registry.has(space.name)) throw new Error(`defineSpace: a space named "${space.name}" is already registered`);
  registry.set(space.name, space as AnySpace);
  return space;
}

export function spaceNames(): string[] {
  return [...registry.keys()];
}

export function getSpace(name: string): AnySpace {
  const space = registry.get(name);
  if (!space) throw new InputError(`unknown search space ${quoted(name)}: expected one of ${spaceNames().join(", ")} (--space).`);
  return space;
}
