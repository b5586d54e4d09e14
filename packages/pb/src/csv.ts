// A `;`-separated reader and writer with CSV quoting, as Python's csv module reads .pb files:
// a field that starts with `"` runs to the closing quote (`""` is a literal quote and the field may
// span lines); a quote inside an unquoted field is literal.

export interface Row {
  /** 1-based line on which the row starts. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

export function* readRows(text: string, delimiter = ';'): Generator<Row> {
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    // Fast path: a line without quotes is split directly.
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    const lineEnd = end > i && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const plain = text.slice(i, lineEnd);
    if (!plain.includes('"') && !plain.includes('\r')) {
      yield { line: start, fields: plain.split(delimiter) };
      i = end + 1;
      line++;
      continue;
    }
    const fields: string[] = [];
    let field = '';
    let rowDone = false;
    while (!rowDone) {
      if (i < n && text[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          if (i >= n) throw new CsvSyntaxError(quoteLine, 'a quoted field is never closed');
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          field += c;
          i++;
        }
      }
      while (i < n) {
        const c = text[i]!;
        if (c === delimiter || c === '\n' || c === '\r') break;
        field += c;
        i++;
      }
      fields.push(field);
      field = '';
      if (i >= n) {
        rowDone = true;
      } else if (text[i] === delimiter) {
        i++;
      } else {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        rowDone = true;
      }
    }
    yield { line: start, fields };
  }
}

const needsQuotes = /[;"\r\n]|^\s|\s$/;

export function writeField(value: string): string {
  return needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function writeRow(fields: readonly string[]): string {
  return fields.map(writeField).join(';');
}
