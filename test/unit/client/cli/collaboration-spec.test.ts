import { describe, expect, it } from 'vitest';
import {
  applyGroupBy,
  parseAnalyses,
  parseBins,
  parseDeadline,
  parseFieldSpec,
  parseRecipients,
} from '../../../../client/cli/collaboration-spec.ts';
import { UsageError } from '../../../../client/cli/usage-error.ts';

describe('--field', () => {
  it('reads int and fixed fields with optional bits and bounds', () => {
    expect(parseFieldSpec('age:int')).toEqual({ name: 'age', type: 'int' });
    expect(parseFieldSpec('age:int:0:120')).toEqual({ name: 'age', type: 'int', min: 0, max: 120 });
    expect(parseFieldSpec('salary:fixed')).toEqual({ name: 'salary', type: 'fixed' });
    expect(parseFieldSpec('salary:fixed:8')).toEqual({ name: 'salary', type: 'fixed', fractionalBits: 8 });
    expect(parseFieldSpec('income:fixed:8:-1000:1e5')).toEqual({
      name: 'income',
      type: 'fixed',
      fractionalBits: 8,
      min: -1000,
      max: 100000,
    });
    expect(parseFieldSpec('bmi:fixed::10.5:60')).toEqual({ name: 'bmi', type: 'fixed', min: 10.5, max: 60 });
  });

  it.each([
    ['age', /expected name:int/],
    ['age:float', /expected name:int/],
    ['1age:int', /name must be/],
    ['age:int:0', /both bounds/],
    ['age:int:0:1.5', /integers/],
    ['age:int:9:1', /min 9 is above max 1/],
    ['x:fixed:31', /0 to 30/],
    ['x:fixed:abc', /0 to 30/],
    ['x:fixed:8:a:b', /"a" is not a number/],
  ])('rejects %s', (text, message) => {
    expect(() => parseFieldSpec(text)).toThrow(UsageError);
    expect(() => parseFieldSpec(text)).toThrow(message);
  });
});

describe('--analysis', () => {
  const fields = [parseFieldSpec('age:int:0:120'), parseFieldSpec('salary:fixed')];

  it('reads comma lists of kind[:field] from every --analysis, with bins and threshold attached', () => {
    expect(
      parseAnalyses(['count,mean', 'histogram:age, countAbove:salary', 'COUNTBELOW'], fields, {
        bins: [18, 65],
        threshold: 50000,
      }),
    ).toEqual([
      { kind: 'count' },
      { kind: 'mean' },
      { kind: 'histogram', field: 'age', binEdges: [18, 65] },
      { kind: 'countAbove', field: 'salary', threshold: 50000 },
      { kind: 'countBelow', threshold: 50000 },
    ]);
  });

  it.each([
    [['mode'], {}, /kind one of count, sum/],
    [['quantile:age'], {}, /expected quantile:field:p/],
    [['quantile:age:1'], {}, /p must be in \(0, 1\)/],
    [['quantile:age:0.1234567'], {}, /at most 6 decimal places/],
    [['mean:height'], {}, /no --field named height/],
    [['count:age'], {}, /takes no field/],
    [['histogram'], {}, /needs --bins/],
    [['countAbove:age'], {}, /needs --threshold/],
    [['mean:age:x'], {}, /expected kind\[:field\]/],
    [[' , '], {}, /at least one/],
  ])('rejects %j', (values, parameters, message) => {
    expect(() => parseAnalyses(values, fields, parameters)).toThrow(message);
  });
});

describe('quantile, category fields and --group-by', () => {
  const fields = [parseFieldSpec('age:int:0:120'), parseFieldSpec('ward:category:A,B,C')];

  it('reads quantile:field:p and median[:field]', () => {
    expect(parseAnalyses(['quantile:age:0.9,median:age,median'], fields, {})).toEqual([
      { kind: 'quantile', field: 'age', p: 0.9 },
      { kind: 'quantile', field: 'age', p: 0.5 },
      { kind: 'quantile', p: 0.5 },
    ]);
  });

  it('reads a category field and groups every analysis by it', () => {
    expect(fields[1]).toEqual({ name: 'ward', type: 'category', categories: ['A', 'B', 'C'] });
    expect(() => parseFieldSpec('ward:category:A,A')).toThrow(/distinct, non-empty labels/);
    expect(applyGroupBy([{ kind: 'count' }, { kind: 'mean', field: 'age' }], fields, 'ward')).toEqual([
      { kind: 'count', groupBy: 'ward' },
      { kind: 'mean', field: 'age', groupBy: 'ward' },
    ]);
    expect(() => applyGroupBy([{ kind: 'count' }], fields, 'age')).toThrow(/no --field age:category/);
  });
});

describe('other create options', () => {
  it('bins must be 1..65 strictly increasing numbers', () => {
    expect(parseBins('0,10,20.5')).toEqual([0, 10, 20.5]);
    expect(parseBins('5')).toEqual([5]);
    expect(() => parseBins(Array.from({ length: 66 }, (_, i) => i).join(','))).toThrow(/needs 1\.\.65 edges/);
    expect(() => parseBins('0,10,10')).toThrow(/must be strictly increasing/);
    expect(() => parseBins('0,x')).toThrow(/not a number/);
  });

  it('recipients are everyone or a list of client ids', () => {
    expect(parseRecipients('all')).toBe('all-participants');
    expect(parseRecipients('clinic-a, clinic-b')).toEqual(['clinic-a', 'clinic-b']);
    expect(() => parseRecipients('Clinic_A')).toThrow(/not a client id/);
  });

  it('deadlines are ISO instants with a zone or durations from now', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseDeadline('2026-12-31T12:00:00Z', now)).toBe('2026-12-31T12:00:00.000Z');
    expect(parseDeadline('2026-12-31T12:00:00+02:00', now)).toBe('2026-12-31T10:00:00.000Z');
    expect(parseDeadline('90m', now)).toBe('2026-01-01T01:30:00.000Z');
    expect(parseDeadline('2d', now)).toBe('2026-01-03T00:00:00.000Z');
    expect(() => parseDeadline('2026-12-31T12:00:00', now)).toThrow(/with a zone/);
    expect(() => parseDeadline('tomorrow', now)).toThrow(UsageError);
  });
});
