// NAS-Bench-Suite-Zero's published CIFAR-10 proxy scores (data/nbsz_graf/nb201_zc_proxies.csv,
// the 9,445 valid NB201 architectures), laid out by NB201 index so they line up with a store.
import { columnValues, readCsv } from "../data/csv.js";
import { dataFile } from "../data/paths.js";
import { NB201_SPACE_SIZE } from "../spaces/nb201/enumerate.js";
import type { Nb201Table } from "../spaces/nb201/table.js";

export interface ReferenceScores {
  /** Proxy → one score per NB201 index; NaN where the reference has no architecture. */
  scores: Record<string, Float64Array>;
  /** The NB201 indices the reference covers. */
  indices: Set<number>;
}

const NOT_PROXIES = new Set(["net", "net_str"]);

export function loadReferenceScores(dataRoot: string, table: Nb201Table): ReferenceScores {
  const csv = readCsv(dataFile(dataRoot, "nbsz_graf", "nb201_zc_proxies.csv"));
  const rows = columnValues(csv, "net_str").map((arch) => table.indexOf(arch));
  const scores: Record<string, Float64Array> = {};
  for (const proxy of csv.header.filter((name) => !NOT_PROXIES.has(name))) {
    const column = new Float64Array(NB201_SPACE_SIZE).fill(NaN);
    columnValues(csv, proxy).forEach((value, row) => (column[rows[row]] = Number(value)));
    scores[proxy] = column;
  }
  return { scores, indices: new Set(rows) };
}
