import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from '../../../../client/input/csv.ts';
import { InputRowsError, parseInputRows, readInputRows } from '../../../../client/input/rows.ts';
import type { RowIssue } from '../../../../client/input/rows.ts';
import type { FieldSpec } from '../../../../contract/analysis/analysis-spec.ts';

const fields: FieldSpec[] = [
  { name: 'age', type: 'int', min: 0, max: 130 },
  { name: 'salary', type: 'fixed', fractionalBits: 8, min: 0 },
];

function issuesOf(run: () => unknown): RowIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputRowsError) return [...error.issues];
    throw error;
  }
  throw new Error('expected InputRowsError');
}

describe('parseCsv', () => {
  it('follows RFC 4180 quoting, CRLF and multi-line fields', () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",3\n\n4,';
    expect(parseCsv(text)).toEqual([
      { line: 1, values: ['a', 'b'] },
      { line: 2, values: ['x, y', 'say "hi"'] },
      { line: 3, values: ['two\nlines', '3'] },
      { line: 6, values: ['4', ''] },
    ]);
  });

  it('names the line of a syntax error', () => {
    expect(() => parseCsv('a,b\n"open,1\n2,3')).toThrow(/line 2: quoted field is never closed/);
    expect(() => parseCsv('a,b\n1,x"y')).toThrow(/line 2: quote inside an unquoted field/);
    expect(() => parseCsv('a,b\n"1"x,2')).toThrow(/line 2: text after a closing quote/);
  });

  it('round-trips any table written with RFC 4180 quoting', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', ' ', '1', '\r') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
        (table) => {
          const text = table
            .map((row) => row.map((value) => `"${value.replace(/"/g, '""')}"`).join(','))
            .join('\r\n');
          expect(parseCsv(text).map((record) => record.values)).toEqual(table);
        },
      ),
    );
  });
});

describe('parseInputRows from CSV', () => {
  it('returns values in field order whatever the column order', () => {
    const rows = parseInputRows('salary,age\n1000.5,30\n"2.5e3",41\n', fields);
    expect(rows.rows).toEqual([
      [30, 1000.5],
      [41, 2500],
    ]);
  });

  it('rejects a wrong header: unknown, missing and duplicate columns', () => {
    expect(issuesOf(() => parseInputRows('age,income\n1,2\n', fields))).toEqual([
      { line: 1, field: 'income', message: 'unknown column (expected age, salary)' },
      { line: 1, field: 'salary', message: 'column missing from header' },
    ]);
    expect(issuesOf(() => parseInputRows('age,salary,age\n1,2,3\n', fields))).toContainEqual({
      line: 1,
      field: 'age',
      message: 'column appears twice',
    });
  });

  it('names the line and field of every bad value', () => {
    const text = [
      'age,salary',
      '30,100',
      'thirty,100',
      '31,-5',
      '200,1',
      '30.5,1',
      '40,',
      '41,0.001',
      '42',
    ].join('\n');
    const issues = issuesOf(() => parseInputRows(text, fields));
    expect(issues).toEqual([
      { line: 3, field: 'age', message: 'not a number: "thirty"' },
      { line: 4, field: 'salary', message: '-5 is below the minimum 0' },
      { line: 5, field: 'age', message: '200 is above the maximum 130' },
      { line: 6, field: 'age', message: '30.5 is not an integer' },
      { line: 7, field: 'salary', message: 'value missing' },
      {
        line: 8,
        field: 'salary',
        message: "0.001 is finer than the field's precision (2^-8) and would encode as 0",
      },
      { line: 9, message: 'has 1 values, the header has 2' },
      { line: 9, field: 'salary', message: 'value missing' },
    ]);
  });

  it('rejects values that cannot be encoded exactly', () => {
    const wide: FieldSpec[] = [
      { name: 'n', type: 'int' },
      { name: 'x', type: 'fixed' },
    ];
    const issues = issuesOf(() => parseInputRows('n,x\n9007199254740993,1e20\n', wide));
    expect(issues.map((issue) => issue.field)).toEqual(['n', 'x']);
    expect(issues[1]?.message).toBe('100000000000000000000 is too large for 16 fractional bits');
  });

  it('rejects a file with a header and no rows, and an empty file', () => {
    expect(issuesOf(() => parseInputRows('age,salary\n', fields))).toEqual([{ line: 1, message: 'no rows' }]);
    expect(issuesOf(() => parseInputRows('', fields))).toEqual([{ line: 1, message: 'no rows' }]);
  });
});

describe('parseInputRows from JSON', () => {
  it('accepts an array of objects and names the line of a bad row', () => {
    expect(parseInputRows('[{"age": 3, "salary": 1.5}, {"salary": 2, "age": 4}]', fields).rows).toEqual([
      [3, 1.5],
      [4, 2],
    ]);
    const text = '[\n  {"age": 3, "salary": 1},\n  {"age": "x\\"y", "salary": 1},\n  {"age": 5}\n]';
    expect(issuesOf(() => parseInputRows(text, fields))).toEqual([
      { line: 3, field: 'age', message: 'not a number: "x\\"y"' },
      { line: 4, field: 'salary', message: 'value missing' },
    ]);
  });

  it('rejects extra keys, non-objects and non-arrays', () => {
    expect(issuesOf(() => parseInputRows('[{"age":1,"salary":1,"name":"x"}]', fields))).toEqual([
      { line: 1, field: 'name', message: 'unknown field' },
    ]);
    expect(issuesOf(() => parseInputRows('[\n1\n]', fields))).toEqual([
      { line: 2, message: 'row 1 is not an object' },
    ]);
    expect(issuesOf(() => parseInputRows('{"age":1}', fields, 'json'))[0]?.message).toBe(
      'JSON input must be an array of rows',
    );
  });
});

describe('readInputRows', () => {
  it('picks the format from the file extension', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'rows-'));
    try {
      await writeFile(join(directory, 'a.csv'), 'age,salary\n1,2\n');
      await writeFile(join(directory, 'b.json'), '[{"age":1,"salary":2}]');
      expect((await readInputRows(join(directory, 'a.csv'), fields)).rows).toEqual([[1, 2]]);
      expect((await readInputRows(join(directory, 'b.json'), fields)).rows).toEqual([[1, 2]]);
      await expect(readInputRows(join(directory, 'a.csv'), [{ name: 'x', type: 'int' }])).rejects.toThrow(
        /line 1, field "age": unknown column/,
      );
    } finally {
      await rm(directory, { recursive: true });
    }
  });
});
