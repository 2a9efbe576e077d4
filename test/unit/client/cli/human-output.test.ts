import { describe, expect, it } from 'vitest';
import {
  binLabel,
  decimalsFor,
  formatCollaboration,
  formatCollaborationTable,
  formatDroppedRows,
  formatNumber,
  formatParticipation,
  formatPrivacyNote,
  formatResults,
} from '../../../../client/cli/human-output.ts';
import { Progress } from '../../../../client/cli/progress.ts';
import type { Collaboration } from '../../../../client/sdk/api-models.ts';

const collaboration: Collaboration = {
  collaborationId: 'c-1',
  name: 'Pay gap',
  description: '',
  ownerId: 'owner',
  analyses: [{ kind: 'count' }, { kind: 'mean', field: 'salary' }, { kind: 'histogram', binEdges: [0, 10] }],
  inputSchema: {
    fields: [
      { name: 'salary', type: 'fixed', fractionalBits: 8, min: 0, max: 1000 },
      { name: 'age', type: 'int' },
    ],
  },
  minParticipants: 2,
  maxParticipants: 10,
  inputDeadline: '2026-12-31T00:00:00.000Z',
  resultRecipients: ['a', 'b'],
  status: 'OPEN',
  participantCount: 3,
  completedInputCount: 1,
  inviteOnly: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('human output', () => {
  it('shows a collaboration with its fields, analyses and parameters', () => {
    expect(formatCollaboration(collaboration)).toBe(
      [
        'Pay gap (c-1)',
        '  status        OPEN',
        '  owner         owner',
        '  participants  3 joined, 1 inputs (min 2, max 10)',
        '  deadline      2026-12-31T00:00:00.000Z',
        '  recipients    a, b',
        '  fields',
        '    salary: fixed (8 fractional bits) in [0, 1000]',
        '    age: int',
        '  analyses',
        '    count',
        '    mean(salary)',
        '    histogram(every field) edges 0, 10',
        '',
      ].join('\n'),
    );
  });

  it('shows the invite list (to its owner), the excluded inputs and why an own input was excluded', () => {
    const invited = { ...collaboration, inviteOnly: true, participants: ['a', 'b'], excludedInputCount: 1 };
    const text = formatCollaboration(invited);
    expect(text).toContain('  participants  3 joined, 1 inputs (min 2, max 10), 1 excluded\n');
    expect(text).toContain('  invited       a, b\n');
    const { participants: _hidden, ...seenByOthers } = invited;
    expect(formatCollaboration(seenByOthers)).toContain('  invited       invited clients only\n');
    expect(
      formatParticipation({
        collaborationId: 'c-1',
        clientId: 'b',
        status: 'INPUT_COMPLETE',
        joinedAt: '2026-01-01T00:00:00.000Z',
        resultPublicKey: 'k',
        input: { inputId: 'i-1', status: 'COMPLETE', exclusionReason: 'share does not open' },
        computationServers: [],
      }),
    ).toBe('b in c-1: INPUT_COMPLETE, input i-1 COMPLETE (excluded: share does not open)\n');
  });

  it('lists collaborations as aligned columns', () => {
    const other = { ...collaboration, collaborationId: 'c-22', name: 'Stays', status: 'COMPUTING' as const };
    expect(formatCollaborationTable([collaboration, other])).toBe(
      [
        'ID    STATUS     JOINED  INPUTS  DEADLINE                  NAME',
        'c-1   OPEN       3/10    1/2     2026-12-31T00:00:00.000Z  Pay gap',
        'c-22  COMPUTING  3/10    1/2     2026-12-31T00:00:00.000Z  Stays',
        '',
      ].join('\n'),
    );
    expect(formatCollaborationTable([])).toBe('no collaborations\n');
  });

  it('prints results one figure per line, histogram bins expanded', () => {
    expect(
      formatResults([
        { kind: 'count', count: 4, value: 4 },
        { kind: 'mean', field: 'salary', count: 4, value: 0.1 + 0.2, mean: 0.3 },
        { kind: 'min', field: 'age', count: 0, value: null },
        { kind: 'histogram', field: 'age', bins: [1, 2, 1], binEdges: [18, 65] },
        { kind: 'countBelow', field: 'age', value: 2, threshold: 30 },
      ]),
    ).toBe(
      [
        'ANALYSIS                   VALUE  ROWS',
        'count                      4      4',
        'mean(salary)               0.3    4',
        'min(age)                   -      0',
        'histogram(age) (-inf, 18)  1',
        'histogram(age) [18, 65)    2',
        'histogram(age) [65, +inf)  1',
        'countBelow(age) < 30       2',
        '',
      ].join('\n'),
    );
  });

  it('prints a suppressed bin or group-by cell as "< k", with no count', () => {
    expect(
      formatResults(
        [
          { kind: 'histogram', field: 'age', bins: [null, 5], suppressed: [true, false], binEdges: [18] },
          {
            kind: 'mean',
            field: 'age',
            groupBy: 'ward',
            groups: [
              { kind: 'mean', field: 'age', category: 'A', value: null, mean: null, suppressed: true },
              { kind: 'mean', field: 'age', category: 'B', count: 5, value: 40, mean: 40, suppressed: false },
            ],
          },
        ],
        [],
        { minCellSize: 3 },
      ),
    ).toBe(
      [
        'ANALYSIS                   VALUE  ROWS',
        'histogram(age) (-inf, 18)  < 3',
        'histogram(age) [18, +inf)  5',
        'mean(age) ward=A           < 3',
        'mean(age) ward=B           40     5',
        '',
      ].join('\n'),
    );
  });

  it('rounds away float noise but keeps fixed-point digits', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(6040.48046875)).toBe('6040.48046875');
    expect(formatNumber(null)).toBe('-');
    expect(binLabel([1, 2, 3], 0)).toBe('(-inf, 1)');
    expect(binLabel([1, 2, 3], 2)).toBe('[2, 3)');
    expect(binLabel([1, 2, 3], 3)).toBe('[3, +inf)');
  });

  it('prints each fixed-point figure at the precision its field declares: ceil(f log10 2) decimals', () => {
    expect([0, 1, 8, 10, 16, 30].map(decimalsFor)).toEqual([0, 1, 3, 4, 5, 10]);
    expect(formatNumber(0.01171875, 3)).toBe('0.012');
    expect(formatNumber(6040.48046875, 3)).toBe('6040.48');
    const fields = [
      { name: 'dose', type: 'fixed' as const, fractionalBits: 8, min: 0, max: 1 },
      { name: 'days', type: 'int' as const, min: 0, max: 365 },
    ];
    expect(
      formatResults(
        [
          { kind: 'min', field: 'dose', count: 3, value: 0.01171875 },
          { kind: 'variance', field: 'dose', count: 3, value: 0.1234567, mean: 0.5 },
          { kind: 'mean', field: 'days', count: 3, value: 14 / 3, mean: 14 / 3 },
          { kind: 'countAbove', field: 'dose', value: 2, threshold: 0.5 },
        ],
        fields,
      ),
    ).toBe(
      [
        'ANALYSIS                VALUE          ROWS',
        'min(dose)               0.012          3',
        'variance(dose)          0.123          3',
        'mean(days)              4.66666666667  3',
        'countAbove(dose) > 0.5  2',
        '',
      ].join('\n'),
    );
  });
});

describe('Progress', () => {
  it('draws and clears one line on a terminal, and writes nothing otherwise', () => {
    const written: string[] = [];
    const terminal = new Progress({ isTTY: true, write: (text: string) => written.push(text) });
    terminal.update('uploading');
    terminal.update('registering');
    terminal.done();
    expect(written).toEqual(['\r\x1b[2Kuploading', '\r\x1b[2Kregistering', '\r\x1b[2K']);

    const piped: string[] = [];
    const pipe = new Progress({ write: (text: string) => piped.push(text) });
    pipe.update('uploading');
    pipe.done('done');
    expect(piped).toEqual([]);
  });
});

describe('dropped rows', () => {
  it("says how many rows were dropped as invalid, in all and of the reader's input, only when there are any", () => {
    expect(formatDroppedRows(0, 0)).toBe('');
    expect(formatDroppedRows(12, 2)).toBe('rows dropped as invalid: 12 in all, 2 of your input\n');
  });
});

describe('row cap and privacy', () => {
  it('shows a declared row cap, and the privacy note names the rows per participant the noise assumes', () => {
    const capped = { ...collaboration, maxRowsPerParticipant: 5000, privacy: { epsilon: 1, delta: 0 } };
    expect(formatCollaboration(capped)).toContain('  row cap       5000 rows per participant\n');
    expect(formatCollaboration(collaboration)).not.toContain('row cap');
    expect(formatPrivacyNote(capped)).toBe(
      'every figure has discrete Laplace noise: epsilon 1 split evenly over the figures, ' +
        'sensitivity from at most 5000 rows per participant (scales in --json)\n',
    );
    const { maxRowsPerParticipant: _cap, ...uncapped } = capped;
    expect(formatPrivacyNote(uncapped)).toContain('at most 16777216 rows per participant');
    expect(formatPrivacyNote(collaboration)).toBe('');
  });
});
