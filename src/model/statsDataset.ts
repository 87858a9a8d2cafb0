// From encoded statistics (./features.ts) and a benchmark column to the predictor's data: each
// architecture's target is the column's value at its row of the space's benchmark table.
// Architectures the table does not hold, or without a finite value, are left out and counted.
import type { BenchmarkTable } from "../spaces/index.js";
import { InputError } from "../util/errors.js";
import type { RankingDataset } from "./dataset.js";
import type { EncodedStats } from "./features.js";

export interface LabelledStats extends RankingDataset {
  masked: number;
  missingNodes: number;
  /** Architectures left out because the table has no row for them (NB101's table holds a sample). */
  missingRows: number;
  /** Architectures left out because the column has no finite value for them. */
  missingTargets: number;
}

/** The column a --target names, one value per table row; the table's own message (which lists its columns) for a bad name. */
export function targetColumn(table: BenchmarkTable, column: string): Float64Array {
  try {
    return table.column(column);
  } catch (error) {
    throw error instanceof InputError ? new InputError(`--target ${column}: ${error.message}`) : error;
  }
}

/** Encoded features with the column's value for each architecture as its target. */
export function labelStats(encoded: EncodedStats, table: BenchmarkTable, column: string): LabelledStats {
  const values = targetColumn(table, column);
  const result: LabelledStats = { archs: [], features: [], targets: new Float64Array(0), masked: encoded.masked, missingNodes: encoded.missingNodes, missingRows: 0, missingTargets: 0 };
  const targets: number[] = [];
  encoded.archs.forEach((arch, i) => {
    const row = table.rowOf(arch);
    if (row < 0) {
      result.missingRows++;
      return;
    }
    const target = values[row];
    if (!Number.isFinite(target)) {
      result.missingTargets++;
      return;
    }
    result.archs.push(arch);
    result.features.push(encoded.features[i]);
    targets.push(target);
  });
  result.targets = Float64Array.from(targets);
  return result;
}
