// The NB201 benchmark table, shared/data/nb201/nb201_merged.csv: row i is the official NB201
// index i, with its arch string, accuracies, parameter counts and times. Read once per file, on
// first use; numeric columns are parsed on first request.
import { type Csv, columnValues, readCsv } from "../../data/csv.js";
import { dataFile, resolveDataRoot } from "../../data/paths.js";
import { InputError } from "../../util/errors.js";
import type { BenchmarkTable } from "../types.js";
import { quoted } from "../../util/quoted.js";
import { parseArch } from "./codec.js";
import { NB201_SPACE_SIZE } from "./enumerate.js";

/** Every architecture has a row, and its row is its NB201 index. */
export interface Nb201Table extends BenchmarkTable {
  /** The NB201 index of a canonical arch string (an input error when it is not one). */
  indexOf(archString: string): number;
}

export function nb201TableFile(dataRoot: string): string {
  return dataFile(dataRoot, "nb201", "nb201_merged.csv");
}

function damaged(source: string, problem: string): InputError {
  return new InputError(`${source} looks damaged: ${problem}. Restore it from the shared data.`);
}

/** The columns that name a row rather than measure it, and what they hold. */
const KEY_COLUMNS: Record<string, string> = { index: "it is the row number", arch_str: "it holds the architecture strings" };
/** The accuracy columns, the usual --target. */
const ACCURACY_COLUMN = /_(test|valid|valtest)_/;

/** A column that is missing or not numeric, asked for as a number (a --target, say). */
function notNumeric(file: string, header: readonly string[], name: string): InputError {
  const numeric = header.filter((column) => !Object.hasOwn(KEY_COLUMNS, column));
  const problem = Object.hasOwn(KEY_COLUMNS, name) ? `column "${name}" of the NB201 table ${file} is not a numeric benchmark column (${KEY_COLUMNS[name]})` : `the NB201 table ${file} has no column ${quoted(name)}`;
  return new InputError(
    `${problem}: expected an accuracy (${numeric.filter((c) => ACCURACY_COLUMN.test(c)).join(", ")}) ` +
      `or another numeric column (${numeric.filter((c) => !ACCURACY_COLUMN.test(c)).join(", ")}).`,
  );
}

function parseNumber(csv: Csv, row: number, name: string, text: string): number {
  const value = Number(text);
  if (text.trim() === "" || (Number.isNaN(value) && !/^nan$/i.test(text))) {
    throw damaged(csv.source, `line ${row + 2}, column ${name}: ${quoted(text)} is not a number`);
  }
  return value;
}

/** The arch strings in index order, after checking the table has one canonical string per index. */
function checkedArchStrings(csv: Csv): string[] {
  if (csv.rows.length !== NB201_SPACE_SIZE) {
    throw damaged(csv.source, `it has ${csv.rows.length} rows, expected ${NB201_SPACE_SIZE} (one per NB201 index)`);
  }
  const indices = columnValues(csv, "index");
  const archStrings = columnValues(csv, "arch_str");
  archStrings.forEach((text, row) => {
    if (Number(indices[row]) !== row) throw damaged(csv.source, `line ${row + 2} has index "${indices[row]}", expected ${row}`);
    try {
      parseArch(text);
    } catch (error) {
      throw damaged(csv.source, `line ${row + 2}: ${(error as Error).message}`);
    }
  });
  if (new Set(archStrings).size !== archStrings.length) throw damaged(csv.source, "some arch string appears twice");
  return archStrings;
}

function buildTable(file: string): Nb201Table {
  const csv = readCsv(file);
  const archStrings = checkedArchStrings(csv);
  const indexByArch = new Map(archStrings.map((text, index) => [text, index]));
  const columns = new Map<string, Float64Array>();
  return {
    file,
    columnNames: csv.header,
    rowCount: archStrings.length,
    rowOf: (archString) => indexByArch.get(archString) ?? -1,
    indexOf(archString) {
      const index = indexByArch.get(archString);
      if (index === undefined) {
        throw new InputError(
          `"${archString}" is not in the NB201 table ${file}: expected a canonical arch string such as ${archStrings[0]}.`,
        );
      }
      return index;
    },
    archAt(index) {
      if (!Number.isInteger(index) || index < 0 || index >= archStrings.length) {
        throw new InputError(`NB201 index ${index} is out of range: expected an integer in 0..${archStrings.length - 1}.`);
      }
      return archStrings[index];
    },
    column(name) {
      let values = columns.get(name);
      if (!values) {
        const at = csv.header.indexOf(name);
        if (at < 0 || Object.hasOwn(KEY_COLUMNS, name)) throw notNumeric(file, csv.header, name);
        values = Float64Array.from(csv.rows, (row, i) => parseNumber(csv, i, name, row[at]));
        columns.set(name, values);
      }
      return values;
    },
  };
}

const tables = new Map<string, Nb201Table>();

/** The table at `file` (default: the one under the resolved data root), read once. */
export function loadNb201Table(file: string = nb201TableFile(resolveDataRoot())): Nb201Table {
  let table = tables.get(file);
  if (!table) {
    table = buildTable(file);
    tables.set(file, table);
  }
  return table;
}
