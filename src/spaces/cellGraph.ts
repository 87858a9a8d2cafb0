// What every space's cell graph shares: the GCN normalisation of Kipf & Welling (2017),
// D^−½ (A + I) D^−½, of a symmetric 0/1 token graph whose diagonal (the self-loops) is already set.

/** `linked` is [tokens × tokens], row-major, symmetric, 1 on the diagonal; each degree is its row's sum. */
export function normalisedAdjacency(linked: Float64Array, tokens: number): Float64Array {
  const degree = Array.from({ length: tokens }, (_, e) => linked.subarray(e * tokens, (e + 1) * tokens).reduce((a, v) => a + v, 0));
  return linked.map((v, k) => v / Math.sqrt(degree[Math.floor(k / tokens)] * degree[k % tokens]));
}
