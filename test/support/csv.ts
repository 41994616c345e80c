/**
 * A strict RFC 4180 reader for checking exports: every record ends in CR LF and a quote
 * may only open or close a field. Written apart from the writer, so that the writer is
 * checked against the format and not against itself.
 */
export function parseCsv(text: string): string[][] {
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
      while (index < text.length && !',\r\n'.includes(text[index]!)) {
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
  if (record.length > 0 || field !== '') throw new Error('the last record has no CR LF');
  return records;
}
