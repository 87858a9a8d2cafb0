// NB101's ground truth as one table: every cell of the three record files we hold, one row per
// isomorphism class (the graph hash), with the columns each file gives (NaN where a file does not
// hold the cell). Rows come in file order: the 2,500, then NASLib's 500, then the 52. NASLib's 500
// are 292 architectures: its sampler met many cells more than once (55 reduce to input→output
// alone), and each copy holds one of the three training runs' accuracy, so copies are averaged.
//   test_accuracy        nb101_2500_test_acc.json: 108-epoch test accuracy, run 0, %
//   val_accuracy         zc_nasbench101_subset.json: NASLib's validation accuracy, %
//   mean_valid_accuracy, mean_test_accuracy
//                        nb101_records_52.json: 108 epochs, the mean of 3 runs, %
import { readDataText } from "../../data/dataBytes.js";
import { dataFile } from "../../data/paths.js";
import { InputError } from "../../util/errors.js";
import { quoted } from "../../util/quoted.js";
import type { BenchmarkTable } from "../types.js";
import { formatCell, parseCell } from "./codec.js";
import { nb101Hash } from "./hash.js";
import type { Nb101Cell } from "./ops.js";

export const NB101_COLUMNS = ["test_accuracy", "val_accuracy", "mean_valid_accuracy", "mean_test_accuracy"] as const;
type Column = (typeof NB101_COLUMNS)[number];

interface Run108 {
  final_validation_accuracy: number;
  final_test_accuracy: number;
}

export function damaged(file: string, problem: string): InputError {
  return new InputError(`${file} looks damaged: ${problem}. Restore it from the shared data (or the project's data/).`);
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

class Nb101TableBuilder {
  readonly archs: string[] = [];
  readonly rowByHash = new Map<string, number>();
  readonly sums = new Map<Column, number[]>(NB101_COLUMNS.map((c) => [c, []]));
  readonly counts = new Map<Column, number[]>(NB101_COLUMNS.map((c) => [c, []]));

  add(file: string, cellText: string, columns: Partial<Record<Column, number>>): void {
    let cell: Nb101Cell;
    try {
      cell = parseCell(cellText);
    } catch (error) {
      throw damaged(file, (error as Error).message);
    }
    const hash = nb101Hash(cell);
    let row = this.rowByHash.get(hash);
    if (row === undefined) {
      row = this.archs.push(formatCell(cell)) - 1;
      this.rowByHash.set(hash, row);
      for (const column of NB101_COLUMNS) this.sums.get(column)!.push(0), this.counts.get(column)!.push(0);
    }
    for (const [name, value] of Object.entries(columns) as [Column, number][]) {
      if (!Number.isFinite(value)) throw damaged(file, `${quoted(cellText)} has ${name} ${value}`);
      this.sums.get(name)![row] += value;
      this.counts.get(name)![row]++;
    }
  }

  /** Each column's mean over the records of a row; NaN where no file holds it. */
  column(name: Column): Float64Array {
    const counts = this.counts.get(name)!;
    return Float64Array.from(this.sums.get(name)!, (sum, row) => (counts[row] > 0 ? sum / counts[row] : NaN));
  }
}

function readJson(file: string): unknown {
  const text = readDataText(file, "NB101 benchmark file");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw damaged(file, `it is not JSON (${(error as Error).message})`);
  }
}

/** NASLib's 500 records, keyed by 56-int tuple: validation accuracy and its published proxy scores (suiteZero.ts). */
export function readNaslibSubset(dataRoot: string): { file: string; records: Record<string, Record<string, number>> } {
  const file = dataFile(dataRoot, "naslib_zc", "zc_nasbench101_subset.json");
  const records = (readJson(file) as { nasbench101?: { cifar10?: Record<string, Record<string, number>> } }).nasbench101?.cifar10;
  if (!records) throw damaged(file, 'expected {"nasbench101": {"cifar10": {…}}}');
  return { file, records };
}

function buildTable(dataRoot: string): BenchmarkTable {
  const builder = new Nb101TableBuilder();
  const testFile = dataFile(dataRoot, "nb101", "nb101_2500_test_acc.json");
  const tested = readJson(testFile);
  if (!Array.isArray(tested)) throw damaged(testFile, "expected a list of [[matrix, ops], accuracy]");
  for (const [[matrix, ops], accuracy] of tested as [[number[][], string[]], number][]) {
    builder.add(testFile, JSON.stringify({ matrix, ops }), { test_accuracy: 100 * accuracy });
  }
  const { file: naslibFile, records: naslib } = readNaslibSubset(dataRoot);
  for (const [tuple, record] of Object.entries(naslib)) builder.add(naslibFile, tuple, { val_accuracy: record.val_accuracy });
  const recordsFile = dataFile(dataRoot, "nb101", "nb101_records_52.json");
  const records = readJson(recordsFile) as Record<string, { fixed: { module_adjacency: number[][]; module_operations: string[] }; computed: { "108": Run108[] } }>;
  for (const { fixed, computed } of Object.values(records)) {
    const runs = computed["108"];
    builder.add(recordsFile, JSON.stringify({ matrix: fixed.module_adjacency, ops: fixed.module_operations }), {
      mean_valid_accuracy: 100 * mean(runs.map((r) => r.final_validation_accuracy)),
      mean_test_accuracy: 100 * mean(runs.map((r) => r.final_test_accuracy)),
    });
  }
  const columns = new Map<string, Float64Array>(NB101_COLUMNS.map((name) => [name, builder.column(name)]));
  const { archs, rowByHash } = builder;
  return {
    file: `${testFile}, ${naslibFile}, ${recordsFile}`,
    columnNames: NB101_COLUMNS,
    rowCount: archs.length,
    rowOf: (arch) => rowByHash.get(nb101Hash(parseCell(arch))) ?? -1,
    archAt(row) {
      if (!Number.isInteger(row) || row < 0 || row >= archs.length) throw new InputError(`NB101 table row ${row} is out of range: expected an integer in 0..${archs.length - 1}.`);
      return archs[row];
    },
    column(name) {
      const values = columns.get(name);
      if (!values) throw new InputError(`the NB101 table has no column ${quoted(name)}: expected one of ${NB101_COLUMNS.join(", ")}.`);
      return values;
    },
  };
}

const tables = new Map<string, BenchmarkTable>();

/** The table under `dataRoot`, read once. */
export function loadNb101Table(dataRoot: string): BenchmarkTable {
  let table = tables.get(dataRoot);
  if (!table) {
    table = buildTable(dataRoot);
    tables.set(dataRoot, table);
  }
  return table;
}
