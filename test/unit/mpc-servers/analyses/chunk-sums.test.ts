import { describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { chunkRequests } from '../../../../mpc-servers/analyses/chunk-program.ts';
import { compileProgram } from '../../../../mpc-servers/analyses/program.ts';

const specOf = (max: number, fractionalBits = 0): ComputationSpec => ({
  fields: [{ name: 'x', type: fractionalBits ? 'fixed' : 'int', fractionalBits, min: 0, max }],
  analyses: [{ kind: 'variance', field: 'x' }],
});

const kinds = (spec: ComputationSpec, validity: boolean, rows = 1 << 16): string[] => {
  const program = compileProgram(spec, rows, { chunkRows: rows, validity });
  return chunkRequests(program, rows, false)
    .filter((request) => ['edaLift', 'lift', 'square', 'wideSquare'].includes(request.kind))
    .map((request) => `${request.kind} ${request.count}`);
};

describe('chunk sums', () => {
  it('adds and squares in Z_2^64 and lifts only the totals where the bounds keep them below 2^63', () => {
    // [0, 365]: 365^2 * 2^16 < 2^63. After the validity masks: the sum and D, the squares, their sum.
    expect(kinds(specOf(365), true)).toEqual(['edaLift 65536', 'lift 2', 'square 65536', 'lift 1']);
  });

  it('lifts every value into Z_2^128 past those bounds, or without the validity check', () => {
    // [0, 10^6] at 16 fractional bits: the span is about 2^36, its square times 2^16 past 2^63.
    expect(kinds(specOf(1_000_000, 16), true)).toEqual(['edaLift 65536', 'lift 65537', 'wideSquare 65536']);
    expect(kinds(specOf(365), false)).toEqual(['lift 65536', 'wideSquare 65536']);
  });
});
