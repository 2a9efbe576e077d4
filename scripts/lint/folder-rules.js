/**
 * Which top-level folders each folder may import. The coordinator (`lambdas/`), the computation service
 * (`mpc-servers/`) and the client (`client/`) meet only in `contract/`; `lib/` (CDK) builds on the contract and
 * the state machine. Folders not named here (entry points, local runtime, tests, benchmarks, scripts) may import
 * anything, so long as no cycle forms between top-level folders (folder-cycles.ts checks that).
 */
export const TOP_LEVEL_FOLDERS = [
  'bench',
  'bin',
  'client',
  'contract',
  'deploy',
  'lambdas',
  'lib',
  'local',
  'mpc-servers',
  'scripts',
  'test',
  'workflow',
];

export const ALLOWED_IMPORTS = {
  contract: [],
  lambdas: ['contract'],
  'mpc-servers': ['contract'],
  client: ['contract'],
  workflow: ['contract'],
  lib: ['contract', 'workflow'],
};
