import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: integration suites start emulators and child processes; keep parallelism modest.
    maxWorkers: 2,
    pool: 'forks',
    // CI asks for a JSON report too (.ci/run prints its plain "N passed, N failed" line).
    reporters: process.env.MPC_TEST_REPORT
      ? ['default', ['json', { outputFile: process.env.MPC_TEST_REPORT }]]
      : ['default'],
  },
});
