// Kendall's τ-b straight from its definition, O(n²): the independent check of the O(n log n)
// version in src/metrics/kendall.ts and the plain-TS baseline it is timed against.
export function kendallTauDefinition(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let concordant = 0, discordant = 0, tiesXOnly = 0, tiesYOnly = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const dx = Math.sign(x[i] - x[j]), dy = Math.sign(y[i] - y[j]);
      if (dx === 0 && dy === 0) continue;
      if (dx === 0) tiesXOnly++;
      else if (dy === 0) tiesYOnly++;
      else if (dx === dy) concordant++;
      else discordant++;
    }
  }
  return (concordant - discordant) / Math.sqrt((concordant + discordant + tiesXOnly) * (concordant + discordant + tiesYOnly));
}
