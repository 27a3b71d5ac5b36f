import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../server/services/import/csv.ts';

const read = (text: string) => [...readCsvRecords(text)];

describe('readCsvRecords', () => {
  it('reads fields and gives each record the line it starts on, the header being line 1', () => {
    expect(read('a,b\n1,2\n3,4\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('counts a CRLF inside a quoted field as one line, so later lines stay exact', () => {
    const records = read('a,b\r\n1,"two\r\nlines"\r\n\r\n5,6\r\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'two\r\nlines'] },
      { line: 5, fields: ['5', '6'] },
    ]);
  });

  it('handles LF, CRLF and lone CR line ends alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(read(['h', 'x', '', 'y'].join(eol)).map((r) => r.line)).toEqual([1, 2, 4]);
    }
  });

  it('skips blank and whitespace-only lines without counting them as rows', () => {
    expect(read('a\n\n   \n\t\nb\n').map((r) => [r.line, r.fields])).toEqual([
      [1, ['a']],
      [5, ['b']],
    ]);
  });

  it('ignores a byte-order mark and unescapes doubled quotes', () => {
    expect(read('\uFEFFname\n"say ""hi"", ok"\n')).toEqual([
      { line: 1, fields: ['name'] },
      { line: 2, fields: ['say "hi", ok'] },
    ]);
  });

  it('trims unquoted fields, keeps quoted ones as written and a quote inside an unquoted field as a character', () => {
    expect(read(' a , "  b  " ,5" screen\n')[0]).toEqual({ line: 1, fields: ['a', '  b  ', '5" screen'] });
  });

  it('keeps empty fields, including after a trailing comma at the end of the input', () => {
    expect(read('a,,c\n1,2,')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 2, fields: ['1', '2', ''] },
    ]);
  });

  it('reports junk after a closing quote on its own line and reads the next line normally', () => {
    expect(read('a,b\n"bad"q,7\n8,9\n"ok",é\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, error: 'unexpected character after a closing quote on line 2' },
      { line: 3, fields: ['8', '9'] },
      { line: 4, fields: ['ok', 'é'] },
    ]);
  });

  it('reports a quote never closed and resumes on the line after it, so a stray quote loses one row', () => {
    expect(read('a,b\n1,"oops\n3,4\n5,6\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, error: 'the quote opened on line 2 is never closed' },
      { line: 3, fields: ['3', '4'] },
      { line: 4, fields: ['5', '6'] },
    ]);
  });

  it('reads the 35,144 US museums exactly as csv-parse does, each record on its own line', () => {
    const path = fileURLToPath(
      new URL('../../../shared/data/us-museums/us_imls_museums_mudf_2014q3.csv', import.meta.url),
    );
    const text = readFileSync(path, 'utf8');
    const ours = read(text);
    const theirs = parse(text, { bom: true, skip_empty_lines: true, trim: true }) as string[][];
    expect(ours).toHaveLength(35_145);
    expect(ours.map((r) => r.fields)).toEqual(theirs);
    // The file has no multi-line fields: record n is on line n.
    expect(ours.every((r, i) => r.line === i + 1)).toBe(true);
  });
});
