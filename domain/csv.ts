/**
 * A small CSV writer for exports people open in Excel (RFC 4180; csv-stringify is not installed, and
 * the format needs only this much):
 *
 * - the file starts with a UTF-8 byte-order mark, so Excel reads Chinese text as UTF-8, not GBK;
 * - lines end with CRLF; a cell holding a comma, a quote, CR or LF is quoted, its quotes doubled;
 * - formula injection (OWASP "CSV Injection"): a text cell starting with `=`, `+`, `-`, `@`, a tab or
 *   CR would run as a formula in a spreadsheet, so it gets a leading `'`, which spreadsheets show as
 *   text. Numbers are written as numbers and never escaped (a negative count is not text someone typed).
 */

/** One cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell as written: defused against formulas, then quoted when it must be. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: the byte-order mark, the header row, then the rows, each line ended by CRLF. */
export function csvFile(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}
