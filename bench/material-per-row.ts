import { compileProgram } from '../mpc-servers/analyses/program.ts';
import { materialBytesPerRow } from '../mpc-servers/dealer/material-per-row.ts';
import { issueSpec } from './mpc-tasks.ts';

/**
 * Dealer material per row per server for the job of the speed issue (`issueSpec`), with and without the
 * validity check: `tsx bench/material-per-row.ts [rows]` (default 10^6) prints one JSON line. Exact, from the
 * requests the dealer generates from; nothing is generated.
 */
const rows = Number(process.argv[2] ?? 1_000_000);
const figures = Object.fromEntries(
  [true, false].flatMap((validity) => {
    const program = compileProgram(issueSpec, rows, { validity });
    const name = validity ? 'withValidity' : 'withoutValidity';
    return [
      [`${name}BytesPerRowB`, Number(materialBytesPerRow(program, 'B').toFixed(1))],
      [`${name}BytesPerRowA`, Number(materialBytesPerRow(program, 'A').toFixed(1))],
    ];
  }),
);
console.log(JSON.stringify({ rows, ...figures }));
