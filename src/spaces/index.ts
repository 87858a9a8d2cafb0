// The search spaces parzc knows: one line each. Everything outside src/spaces/ reaches a space
// through `getSpace(name)` and the SearchSpace interface.
import { defineSpace } from "./registry.js";
import { nb101 } from "./nb101/space.js";
import { nb201 } from "./nb201/space.js";

defineSpace(nb201);
defineSpace(nb101);

export { getSpace, spaceNames } from "./registry.js";
export type { AnySpace, BenchmarkTable, CellGraph, CellGraphs, DefaultTargets, DemoPlan, PublishedScores, SearchSpace, SpaceCost, SuiteZeroLayout } from "./types.js";
export type { NetworkNode, SpaceNetwork } from "./network.js";
