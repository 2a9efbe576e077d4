import { parseArgs } from 'node:util';
import { runDemo } from '../local/demo/run-demo.ts';

// `npm run demo [-- --hospitals 4 --patients 60 --seed 42]`: the joint statistics beside the cleartext answers
// on stdout, progress on stderr; exit 1 when a figure is outside the documented fixed-point error.
const { values } = parseArgs({
  options: {
    hospitals: { type: 'string', default: '4' },
    patients: { type: 'string', default: '60' },
    seed: { type: 'string', default: '42' },
  },
});
const hospitals = Number(values.hospitals);
const patients = Number(values.patients);
const seed = Number(values.seed);
if (![hospitals, patients, seed].every(Number.isInteger) || hospitals < 2 || hospitals > 26 || patients < 1) {
  console.error('usage: npm run demo -- [--hospitals 2..26] [--patients N] [--seed INTEGER]');
  process.exit(2);
}
// In-process handlers log through the console; stdout is kept for the report.
console.log = console.info = console.debug = console.error;

try {
  const outcome = await runDemo({
    hospitals,
    patients,
    seed,
    env: process.env,
    out: (text) => process.stdout.write(text),
    log: (message) => process.stderr.write(`demo: ${message}\n`),
  });
  process.exit(outcome.allWithinBound ? 0 : 1);
} catch (error) {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
