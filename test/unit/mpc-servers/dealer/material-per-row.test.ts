import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { compileProgram } from '../../../../mpc-servers/analyses/program.ts';
import { dealerChunks } from '../../../../mpc-servers/dealer/dealer-plan.ts';
import { materialBytesPerRow } from '../../../../mpc-servers/dealer/material-per-row.ts';

const spec: ComputationSpec = {
  fields: [
    { name: 'days', type: 'int', min: 0, max: 365 },
    { name: 'amount', type: 'fixed', fractionalBits: 8, min: 0, max: 100000 },
  ],
  analyses: [
    { kind: 'count' },
    { kind: 'variance', field: 'days' },
    { kind: 'histogram', field: 'days', binEdges: [-1, 0, 30, 90, 365, 366, 400] },
    { kind: 'sum', field: 'amount' },
    { kind: 'min', field: 'amount' },
    { kind: 'max', field: 'amount' },
    { kind: 'min', field: 'days' },
  ],
};

describe('materialBytesPerRow', () => {
  it.each([true, false])('equals the bytes the dealer generates (validity %s)', (validity) => {
    const program = compileProgram(spec, 37, { chunkRows: 8, validity });
    const seeds = { A: randomBytes(16), B: randomBytes(16) };
    const blobs = [...dealerChunks(program, seeds)];
    for (const party of ['A', 'B'] as const) {
      const generated = blobs.reduce((total, blob) => total + blob[party].byteLength, 0);
      expect(materialBytesPerRow(program, party)).toBe(generated / 37);
    }
  });
});
