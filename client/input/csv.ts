/** One CSV record with the 1-based line it starts on (quoted fields may span lines). */
export interface CsvRecord {
  line: number;
  values: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * RFC 4180 records: comma-separated, CRLF or LF line ends, fields optionally in double quotes with `""` for a
 * quote inside; a quoted field may hold commas and line breaks. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  // Most exports quote nothing: then lines and commas are the whole grammar, and splitting is much faster.
  return text.includes('"') ? parseQuotedCsv(text) : parseUnquotedCsv(text);
}

function parseUnquotedCsv(text: string): CsvRecord[] {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  const records: CsvRecord[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const content = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (content.trim() !== '') records.push({ line: index + 1, values: content.split(',') });
  }
  return records;
}

function parseQuotedCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a spreadsheet's byte order mark is not data
  while (index < text.length) {
    const recordLine = line;
    const values: string[] = [];
    for (;;) {
      let value = '';
      if (text[index] === '"') {
        const quoteLine = line;
        index++;
        for (;;) {
          if (index >= text.length) throw new CsvSyntaxError(quoteLine, 'quoted field is never closed');
          const char = text[index]!;
          if (char === '"') {
            if (text[index + 1] === '"') {
              value += '"';
              index += 2;
              continue;
            }
            index++;
            break;
          }
          if (char === '\n') line++;
          value += char;
          index++;
        }
        if (index < text.length && !isFieldEnd(text, index)) {
          throw new CsvSyntaxError(line, 'text after a closing quote');
        }
      } else {
        const start = index;
        while (index < text.length && !isFieldEnd(text, index)) {
          if (text[index] === '"') throw new CsvSyntaxError(line, 'quote inside an unquoted field');
          index++;
        }
        value = text.slice(start, index);
      }
      values.push(value);
      if (text[index] === ',') {
        index++;
        continue;
      }
      break;
    }
    index += text[index] === '\r' ? 2 : 1; // past the line end (or past the end of text)
    line++;
    if (!(values.length === 1 && values[0]!.trim() === '')) records.push({ line: recordLine, values });
  }
  return records;
}

function isFieldEnd(text: string, index: number): boolean {
  const char = text[index];
  return char === ',' || char === '\n' || (char === '\r' && text[index + 1] === '\n');
}
