// Issue [spaces]: the whole NB101 space by nasbench's generator. Counts the unique cells per
// maximum vertex count and times it; nasbench's generate_graphs.py reports 423,624 at 7.
//   node --import tsx bench/nb101-enumerate.ts [--json]
import { enumerateCells } from "../src/spaces/nb101/enumerate.js";
import { wantsJson } from "./timing.js";

const started = performance.now();
const byVertices: Record<number, number> = {};
let total = 0;
for (const cell of enumerateCells()) {
  total++;
  byVertices[cell.matrix.length] = (byVertices[cell.matrix.length] ?? 0) + 1;
}
const seconds = (performance.now() - started) / 1000;
const result = { total, byVertices, seconds: Math.round(seconds * 10) / 10 };
process.stdout.write(wantsJson() ? `${JSON.stringify(result)}\n` : `${total} unique NB101 cells in ${result.seconds} s; by vertex count ${JSON.stringify(byVertices)}\n`);
