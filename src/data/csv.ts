// A small CSV reader for the benchmark tables: a header row, comma-separated fields, optional
// double quotes around a field ("" inside quotes is a literal quote; NASLib tuples are quoted
// because they hold commas), \n or \r\n line ends, a trailing newline. No newlines inside fields.
import { InputError } from "../util/errors.js";
import { readDataText } from "./dataBytes.js";
import { existingDataFile } from "./paths.js";

export interface Csv {
  /** Where the text came from, for error messages. */
  readonly source: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

function splitQuoted(line: string, where: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (line[i + 1] === '"') field += line[i++];
      else quoted = false;
    } else if (char === '"' && field.length === 0) quoted = true;
    else if (char === ",") {
      fields.push(field);
      field = "";
    } else field += char;
  }
  if (quoted) throw new InputError(`${where}: a quoted field is not closed; expected a matching '"' before the end of the line.`);
  fields.push(field);
  return fields;
}

function splitLine(line: string, where: string): string[] {
  return line.includes('"') ? splitQuoted(line, where) : line.split(",");
}

export function parseCsv(text: string, source: string): Csv {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0) throw new InputError(`${source} is empty: expected a CSV header line.`);
  const header = splitLine(lines[0], `${source} line 1`);
  const rows = lines.slice(1).map((line, i) => {
    const where = `${source} line ${i + 2}`;
    const fields = splitLine(line, where);
    if (fields.length !== header.length) {
      throw new InputError(
        `${where}: found ${fields.length} field(s), expected ${header.length} as in the header (${header.join(",")}). Fix or remove that row.`,
      );
    }
    return fields;
  });
  return { source, header, rows };
}

/** The CSV at `path`, or at `path`.gz (gunzipped) when only that exists. */
export function readCsv(path: string): Csv {
  const file = existingDataFile(path, "CSV file");
  return parseCsv(readDataText(file), file);
}

/** Position of a named column; the error lists the columns there are. */
export function columnIndex(csv: Csv, name: string): number {
  const index = csv.header.indexOf(name);
  if (index < 0) throw new InputError(`${csv.source} has no column "${name}": expected one of ${csv.header.join(", ")}.`);
  return index;
}

/** One column's text values, top to bottom. */
export function columnValues(csv: Csv, name: string): string[] {
  const index = columnIndex(csv, name);
  return csv.rows.map((row) => row[index]);
}
