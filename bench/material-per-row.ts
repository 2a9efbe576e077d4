import type { ComputationSpec } from '../contract/analysis/analysis-spec.ts';
import { compileProgram } from '../mpc-servers/analyses/program.ts';
import { materialBytesPerRow } from '../mpc-servers/dealer/material-per-row.ts';

/**
 * Dealer material per row per server for the job of the speed issue: count; mean, variance and a 4-edge
 * histogram of an int field in [0, 365]; sum, min and max of a fixed:8 field in [0, 100000]; 10^6 rows.
 * `tsx bench/material-per-row.ts [rows]`: prints one JSON line, with and without the validity check.
 */
export const materialJobSpec: ComputationSpec = {
  fields: [
    { name: 'days', type: 'int', min: 0, max: 365 },
    { name: 'amount', type: 'fixed', fractionalBits: 8, min: 0, max: 100000 },
  ],
  analyses: [
    { kind: 'count' },
    { kind: 'mean', field: 'days' },
    { kind: 'variance', field: 'days' },
    { kind: 'histogram', field: 'days', binEdges: [30, 90, 180, 270] },
    { kind: 'sum', field: 'amount' },
    { kind: 'min', field: 'amount' },
    { kind: 'max', field: 'amount' },
  ],
} as ComputationSpec;

const rows = Number(process.argv[2] ?? 1_000_000);
const figures = Object.fromEntries(
  [true, false].flatMap((validity) => {
    const program = compileProgram(materialJobSpec, rows, { validity });
    const name = validity ? 'withValidity' : 'withoutValidity';
    return [
      [`${name}BytesPerRowB`, Number(materialBytesPerRow(program, 'B').toFixed(1))],
      [`${name}BytesPerRowA`, Number(materialBytesPerRow(program, 'A').toFixed(1))],
    ];
  }),
);
console.log(JSON.stringify({ rows, ...figures }));
