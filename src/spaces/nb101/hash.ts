// nasbench's graph hash (google-research/nasbench lib/graph_util.py `hash_module`, labels from
// model_spec.py `hash_spec`): each vertex starts from md5 of its (out-degree, in-degree, label)
// tuple as Python prints it, then n rounds mix in the sorted hashes of its in- and
// out-neighbours; the fingerprint is md5 of the sorted list's Python repr. Isomorphic cells hash
// alike, so it is the benchmark's key: the 52 records of nb101_records_52.json are keyed by it.
import { md5 } from "../../util/md5.js";
import { NB101_OPS, type Nb101Cell } from "./ops.js";

const pythonTuple = (values: number[]) => `(${values.join(", ")})`;
const pythonList = (texts: string[]) => `[${texts.map((t) => `'${t}'`).join(", ")}]`;

/** The hash of a pruned cell. */
export function nb101Hash(cell: Nb101Cell): string {
  const { matrix } = cell;
  const n = matrix.length;
  const labels = [-1, ...cell.ops.map((op) => NB101_OPS.indexOf(op)), -2];
  const inDegree = (v: number) => matrix.reduce((sum, row) => sum + row[v], 0);
  const outDegree = (v: number) => matrix[v].reduce((sum, e) => sum + e, 0);
  let hashes = labels.map((label, v) => md5(pythonTuple([outDegree(v), inDegree(v), label])));
  for (let round = 0; round < n; round++) {
    hashes = hashes.map((own, v) => {
      const ins = hashes.filter((_, w) => matrix[w][v]).sort();
      const outs = hashes.filter((_, w) => matrix[v][w]).sort();
      return md5(`${ins.join("")}|${outs.join("")}|${own}`);
    });
  }
  return md5(pythonList([...hashes].sort()));
}
