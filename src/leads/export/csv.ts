/**
 * CSV for the lead export (docs/api.md#leads, `GET /v1/admin/leads.csv`): RFC 4180 records that a
 * spreadsheet opens as text, never as formulas. No framework code here.
 */

/** A cell: user text (neutralised), or a value we produced ourselves (written as is). */
export type CsvCell = string | number | boolean | Date | null | undefined;

/** A UTF-8 byte order mark: without it Excel reads a CSV in the local code page. */
export const CSV_BOM = '\uFEFF';

/** RFC 4180 ends every record, the last one included here, with CR LF. */
export const CSV_LINE_END = '\r\n';

/**
 * First characters that make a spreadsheet read a cell as a formula, from OWASP's
 * "CSV Injection" page: = + - @, TAB (0x09) and CR (0x0D). ASVS 5.0 (V1.2.10) adds
 * NUL (0x00), which some spreadsheets drop before looking at the next character.
 * OWASP only asks about the first character. We also look past leading white space
 * (spaces, line breaks, no-break spaces...): LibreOffice's "trim spaces" import option,
 * and people who tidy a sheet, strip it and would then find a live formula. The cost is
 * a visible quote on the rare harmless cell such as " - none".
 */
const FORMULA_START = /^[=+\-@\t\r\0]|^\s+[=+\-@]/u;

/** Characters that make a field need quotes (RFC 4180, 2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * User text made safe to open: a text that would start a formula gets a leading `'`,
 * which spreadsheets take as "this cell is text" (OWASP's advice).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function fieldOf(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return neutraliseFormula(cell);
  // Ours, not user text: a negative number stays a number. An invalid Date throws here.
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

function quoted(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** One record, with its CR LF line end. */
export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map((cell) => quoted(fieldOf(cell))).join(',') + CSV_LINE_END;
}

/**
 * The lines of a whole file for streaming: the byte order mark and the header first,
 * then one record per row as the rows arrive.
 */
export async function* csvLines(
  header: readonly string[],
  rows: AsyncIterable<readonly CsvCell[]> | Iterable<readonly CsvCell[]>,
): AsyncGenerator<string> {
  yield CSV_BOM + csvRow(header);
  for await (const row of rows) yield csvRow(row);
}
