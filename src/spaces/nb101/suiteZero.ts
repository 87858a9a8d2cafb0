// NB101 in NAS-Bench-Suite-Zero's files: the zero-cost JSON's layout (NASLib's 56-int tuple as the
// key) and NASLib's published CIFAR-10 scores of 500 sampled cells, zc_nasbench101_subset.json.
import type { PublishedScores, SuiteZeroLayout } from "../types.js";
import { formatCell, formatNaslibTuple, parseCell } from "./codec.js";
import type { Nb101Cell } from "./ops.js";
import { damaged, readNaslibSubset } from "./table.js";

export const nb101SuiteZero: SuiteZeroLayout<Nb101Cell> = {
  benchmark: "nasbench101",
  key: formatNaslibTuple,
  // NASLib's validation accuracy: the table has it for NASLib's 500 cells only (NaN, null in the JSON, elsewhere).
  validation: () => "val_accuracy",
};

/**
 * NASLib's sampler drew many cells more than once: several keys are raw 7×7 matrices that prune to
 * the same cell, each scored on its own random batch. Those copies are averaged per canonical arch
 * string (500 records, 301 cells). Isomorphic cells in another vertex order stay apart: their
 * channels split differently, so they are other networks.
 */
export function nb101PublishedScores(dataRoot: string): PublishedScores {
  const { file, records } = readNaslibSubset(dataRoot);
  const copies = new Map<string, Record<string, number>[]>();
  for (const [key, record] of Object.entries(records)) {
    let cell: string;
    try {
      cell = formatCell(parseCell(key));
    } catch (error) {
      throw damaged(file, (error as Error).message);
    }
    const scores = Object.entries(record).filter(([name]) => name !== "val_accuracy");
    for (const [proxy, score] of scores) {
      if (typeof score !== "number") throw damaged(file, `${key} has ${proxy} ${JSON.stringify(score)}, expected a number`);
    }
    copies.set(cell, [...(copies.get(cell) ?? []), Object.fromEntries(scores)]);
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const scores = new Map<string, Record<string, number>>();
  for (const [cell, drawn] of copies) {
    const proxies = new Set(drawn.flatMap((copy) => Object.keys(copy)));
    scores.set(cell, Object.fromEntries([...proxies].map((proxy) => [proxy, mean(drawn.flatMap((copy) => (proxy in copy ? [copy[proxy]] : [])))])));
  }
  return { source: "NASLib, naslib_zc/zc_nasbench101_subset.json", scores };
}
