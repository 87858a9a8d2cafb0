// The demo's architectures: a seeded sample of the whole space where its benchmark table holds
// every architecture (NB201), else of the table rows that hold both targets (NB101's 2,500
// labelled cells: the rest of its 423,624 have no accuracy to learn or to be judged by).
import { archList } from "../pipeline/archList.js";
import type { AnySpace, BenchmarkTable } from "../spaces/index.js";
import { InputError } from "../util/errors.js";
import { Random } from "../util/random.js";

/** Rows of `table` with a finite value in both of the space's target columns. */
export function labelledRows(space: AnySpace, table: BenchmarkTable): number[] {
  const columns = [...new Set([space.targets.train, space.targets.evaluate])].map((name) => table.column(name));
  return Array.from({ length: table.rowCount }, (_, row) => row).filter((row) => columns.every((values) => Number.isFinite(values[row])));
}

/** `count` canonical arch strings drawn with `seed` as the space's demo plan says. */
export function demoArchs(space: AnySpace, table: BenchmarkTable, count: number, seed: number): string[] {
  if (space.demo.drawFrom === "space") {
    if (count > space.size) throw new InputError(`--sample ${count} is more than the ${space.size.toLocaleString("en-US")} architectures of ${space.title}: pick --sample ${space.size} or fewer.`);
    return archList(space, { kind: "sample", count }, seed);
  }
  const rows = labelledRows(space, table);
  if (count > rows.length) {
    const targets = [...new Set([space.targets.train, space.targets.evaluate])].join(" and ");
    throw new InputError(`--sample ${count} is more than the ${rows.length.toLocaleString("en-US")} ${space.title} architectures whose ${targets} the benchmark holds: pick --sample ${rows.length} or fewer.`);
  }
  return new Random(seed).shuffle(rows).slice(0, count).map((row) => table.archAt(row));
}
