// Writes test/fixtures/nb201_params_sibling_rows.json: the NB201 indices whose stored parameter
// count (params_mb_c10/_c100/_in16 of nb201_merged.csv) is not our closed form. NATS-Bench stores
// an isomorphic sibling's count there, one conv edge off (shared/data/README.md). The test pins
// this exact set, so a change to the closed form that moves any other row shows up.
// Run: node --import tsx tools/list_sibling_param_rows.ts
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { type Nb201Dataset, type Nb201Table, nb201 } from "../src/spaces/nb201/index.js";

export const PARAM_COLUMNS: readonly (readonly [string, Nb201Dataset])[] = [
  ["params_mb_c10", "cifar10"],
  ["params_mb_c100", "cifar100"],
  ["params_mb_in16", "ImageNet16-120"],
];

export const FIXTURE = new URL("../test/fixtures/nb201_params_sibling_rows.json", import.meta.url);

/** Stored minus closed-form parameter count, for every row where they differ. */
export function paramMismatches(table: Nb201Table, column: string, dataset: Nb201Dataset): Map<number, number> {
  const storedMillions = table.column(column);
  const mismatches = new Map<number, number>();
  storedMillions.forEach((millions, index) => {
    const difference = Math.round(millions * 1e6) - nb201.params(nb201.parse(table.archAt(index)), dataset);
    if (difference !== 0) mismatches.set(index, difference);
  });
  return mismatches;
}

function main(): void {
  const table = nb201.table();
  const [first, ...others] = PARAM_COLUMNS.map(([column, dataset]) => [...paramMismatches(table, column, dataset).keys()]);
  for (const [k, rows] of others.entries()) {
    if (rows.join() !== first.join()) throw new Error(`${PARAM_COLUMNS[k + 1][0]} mismatches other rows than ${PARAM_COLUMNS[0][0]}`);
  }
  const about =
    "NB201 indices whose params_mb_c10/_c100/_in16 in nb201_merged.csv hold an isomorphic sibling's count. " +
    "Written by tools/list_sibling_param_rows.ts.";
  writeFileSync(FIXTURE, `{\n  "about": ${JSON.stringify(about)},\n  "rows": ${JSON.stringify(first)}\n}\n`);
  console.log(`${first.length} rows written to ${FIXTURE.pathname}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
