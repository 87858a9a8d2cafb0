// How a NB101 cell splits its output channels among its vertices (archai
// algos/nasbench101/model.py `compute_vertex_channels`; the TF original's rule is the same):
// the vertices that feed the output share C_out as evenly as possible, the first ones taking
// the remainder, and every other vertex takes the largest of its interior successors.
import type { Nb101Cell } from "./ops.js";

export function vertexChannels(cell: Nb101Cell, inChannels: number, outChannels: number): number[] {
  const { matrix } = cell;
  const n = matrix.length;
  const channels = new Array<number>(n).fill(0);
  channels[0] = inChannels;
  channels[n - 1] = outChannels;
  if (n === 2) return channels;
  const feeders = [...Array(n).keys()].filter((v) => v >= 1 && v <= n - 2 && matrix[v][n - 1]);
  const share = Math.floor(outChannels / feeders.length);
  const extra = outChannels % feeders.length;
  feeders.forEach((v, k) => (channels[v] = share + (k < extra ? 1 : 0)));
  for (let v = n - 3; v >= 1; v--) {
    if (matrix[v][n - 1]) continue;
    for (let d = v + 1; d <= n - 2; d++) if (matrix[v][d]) channels[v] = Math.max(channels[v], channels[d]);
  }
  return channels;
}
