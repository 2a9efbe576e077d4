import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { FieldSpec } from '../../contract/analysis/analysis-spec.ts';
import { fractionalBitsOf } from '../../contract/analysis/field-encoding.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';
import { jsonArrayElementLines } from './json-lines.ts';

/** Validated input rows, values in the order of the collaboration's fields (whatever the file's order). */
export interface InputRows {
  fields: readonly FieldSpec[];
  rows: number[][];
}

export interface RowIssue {
  /** 1-based line of the input file the problem is on. */
  line: number;
  field?: string;
  message: string;
}

/** The file cannot be used as it is. All rows are checked first, so nothing is ever uploaded in part. */
export class InputRowsError extends Error {
  constructor(readonly issues: readonly RowIssue[]) {
    const shown = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map(describeIssue);
    const more = issues.length > shown.length ? `\n... and ${issues.length - shown.length} more` : '';
    super(`input rejected, ${issues.length} problem(s):\n${shown.join('\n')}${more}`);
    this.name = 'InputRowsError';
  }
}

const MAX_ISSUES_IN_MESSAGE = 20;
/** Values are later turned into ring elements through BigInt; beyond this a double is no longer exact. */
const LARGEST_EXACT_ENCODING = Number.MAX_SAFE_INTEGER;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export type InputFormat = 'csv' | 'json';

/** Reads an input file: `.json` as JSON rows, anything else as CSV with a header (or sniffed from content). */
export async function readInputRows(path: string, fields: readonly FieldSpec[]): Promise<InputRows> {
  const text = await readFile(path, 'utf8');
  const extension = extname(path).toLowerCase();
  const format = extension === '.json' ? 'json' : extension === '.csv' ? 'csv' : undefined;
  return parseInputRows(text, fields, format);
}

/**
 * Parses CSV (a header naming exactly the fields, then one row per line) or JSON (an array of objects with
 * exactly the fields as keys) and checks every value against its field. Throws `InputRowsError`.
 */
export function parseInputRows(text: string, fields: readonly FieldSpec[], format?: InputFormat): InputRows {
  const chosen = format ?? (text.trimStart().startsWith('[') ? 'json' : 'csv');
  const issues: RowIssue[] = [];
  const records = chosen === 'json' ? jsonRecords(text, fields, issues) : csvRecords(text, fields, issues);
  const rows: number[][] = [];
  for (const record of records) {
    const row = new Array<number>(fields.length);
    for (let column = 0; column < fields.length; column++) {
      const field = fields[column]!;
      const checked = checkValue(field, record.values[column]);
      if (typeof checked === 'number') row[column] = checked;
      else issues.push({ line: record.line, field: field.name, message: checked });
    }
    rows.push(row);
  }
  if (records.length === 0 && issues.length === 0) issues.push({ line: 1, message: 'no rows' });
  if (issues.length > 0) throw new InputRowsError(issues.sort((a, b) => a.line - b.line));
  return { fields, rows };
}

/** A row's raw values in field order: strings from CSV, anything from JSON, undefined when absent. */
interface RawRecord {
  line: number;
  values: unknown[];
}

/** Structural problems end parsing at once (thrown); a row's own problems are added to `issues`. */
function csvRecords(text: string, fields: readonly FieldSpec[], issues: RowIssue[]): RawRecord[] {
  let parsed;
  try {
    parsed = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new InputRowsError([{ line: error.line, message: error.message }]);
    throw error;
  }
  const header = parsed[0];
  if (!header) return [];
  const body = parsed.slice(1);
  const names = header.values.map((name) => name.trim());
  const columnOf = checkHeader(names, fields, header.line);
  return body.map(({ line, values }) => {
    if (values.length !== names.length) {
      issues.push({ line, message: `has ${values.length} values, the header has ${names.length}` });
    }
    return { line, values: columnOf.map((column) => values[column]) };
  });
}

/** For each field, its column in the file; throws when the header is not exactly the set of field names. */
function checkHeader(names: string[], fields: readonly FieldSpec[], line: number): number[] {
  const issues: RowIssue[] = [];
  const expected = new Set(fields.map((field) => field.name));
  names.forEach((name, column) => {
    if (!expected.has(name)) {
      issues.push({ line, field: name, message: `unknown column (expected ${[...expected].join(', ')})` });
    } else if (names.indexOf(name) !== column) {
      issues.push({ line, field: name, message: 'column appears twice' });
    }
  });
  for (const field of fields) {
    if (!names.includes(field.name))
      issues.push({ line, field: field.name, message: 'column missing from header' });
  }
  if (issues.length > 0) throw new InputRowsError(issues);
  return fields.map((field) => names.indexOf(field.name));
}

function jsonRecords(text: string, fields: readonly FieldSpec[], issues: RowIssue[]): RawRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputRowsError([{ line: 1, message: `not valid JSON: ${(error as Error).message}` }]);
  }
  if (!Array.isArray(parsed))
    throw new InputRowsError([{ line: 1, message: 'JSON input must be an array of rows' }]);
  const lines = jsonArrayElementLines(text);
  const expected = new Set(fields.map((field) => field.name));
  const records: RawRecord[] = [];
  parsed.forEach((row: unknown, index) => {
    const line = lines[index] ?? 1;
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      issues.push({ line, message: `row ${index + 1} is not an object` });
      return;
    }
    for (const key of Object.keys(row)) {
      if (!expected.has(key)) issues.push({ line, field: key, message: 'unknown field' });
    }
    records.push({ line, values: fields.map((field) => (row as Record<string, unknown>)[field.name]) });
  });
  return records;
}

/** The value as a number, or why it cannot be used (hot: once per value, so no allocation on success). */
function checkValue(field: FieldSpec, raw: unknown): number | string {
  if (field.type === 'category') return categoryIndex(field.categories, raw);
  let value: number;
  if (typeof raw === 'number') {
    value = raw;
  } else if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return 'value missing';
    if (!DECIMAL.test(text)) return `not a number: ${JSON.stringify(raw).slice(0, 40)}`;
    value = Number(text);
  } else if (raw === undefined || raw === null) {
    return 'value missing';
  } else {
    return `not a number: ${JSON.stringify(raw).slice(0, 40)}`;
  }
  if (!Number.isFinite(value)) return `not a finite number: ${String(raw)}`;
  if (field.min !== undefined && value < field.min) return `${value} is below the minimum ${field.min}`;
  if (field.max !== undefined && value > field.max) return `${value} is above the maximum ${field.max}`;
  if (field.type === 'int') {
    if (!Number.isInteger(value)) return `${value} is not an integer`;
    if (!Number.isSafeInteger(value)) return `${value} is too large to encode exactly`;
    return value;
  }
  const fractionalBits = fractionalBitsOf(field);
  const encoded = Math.round(value * 2 ** fractionalBits);
  if (Math.abs(encoded) > LARGEST_EXACT_ENCODING)
    return `${value} is too large for ${fractionalBits} fractional bits`;
  if (encoded === 0 && value !== 0) {
    return `${value} is finer than the field's precision (2^-${fractionalBits}) and would encode as 0`;
  }
  return value;
}

/** A category field's value: its label, or its index as a number. */
function categoryIndex(categories: readonly string[], raw: unknown): number | string {
  const text = typeof raw === 'string' ? raw.trim() : raw;
  if (text === '' || text === undefined || text === null) return 'value missing';
  const index = typeof text === 'string' ? categories.indexOf(text) : -1;
  if (index >= 0) return index;
  const number = typeof text === 'string' && /^\d+$/.test(text) ? Number(text) : text;
  if (typeof number === 'number' && Number.isInteger(number) && number >= 0 && number < categories.length)
    return number;
  return `${JSON.stringify(raw).slice(0, 40)} is not one of the categories ${categories.join(', ')}`;
}

function describeIssue(issue: RowIssue): string {
  return `line ${issue.line}${issue.field === undefined ? '' : `, field "${issue.field}"`}: ${issue.message}`;
}
