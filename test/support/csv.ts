/**
 * An RFC 4180 parser, written here so the test does not trust the writer's own reading: records end with CRLF, a field
 * in double quotes may hold commas, CR, LF and doubled quotes, and an unquoted field holds none of those.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let position = 0;
  while (position < text.length) {
    let field = '';
    if (text[position] === '"') {
      position++;
      for (;;) {
        const quote = text.indexOf('"', position);
        if (quote === -1) throw new Error('An unterminated quoted field');
        field += text.slice(position, quote);
        position = quote + 1;
        if (text[position] !== '"') break;
        field += '"';
        position++;
      }
    } else {
      while (position < text.length && !/[,\r\n"]/.test(text[position] as string)) field += text[position++];
      if (text[position] === '"') throw new Error(`A quote inside an unquoted field at ${position}`);
    }
    record.push(field);
    if (text[position] === ',') position++;
    else if (text.startsWith('\r\n', position)) {
      records.push(record);
      record = [];
      position += 2;
    } else throw new Error(`A field ends at ${position} with neither a comma nor CRLF`);
  }
  if (record.length > 0) throw new Error('The last record has no CRLF');
  return records;
}

/** A cell's text: without the `'` that guards a cell starting with a formula character (or with `'` itself). */
export function readCsvCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/**
 * A list cell's items: split at each ` | ` (a `|` within an item is always written `\|`), then `\\` read as `\` and
 * `\|` as `|`, in one pass from the left. An empty cell is an empty list.
 */
export function splitCsvList(cell: string): string[] {
  const text = readCsvCell(cell);
  return text === '' ? [] : text.split(' | ').map((item) => item.replace(/\\([\\|])/g, '$1'));
}
