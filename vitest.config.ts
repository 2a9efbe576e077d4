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
    // A file whose every test needs an endpoint capability the target lacks registers none; the run says
    // which and why (test/support/endpoint-capabilities.ts), so an empty file is no failure.
    passWithNoTests: true,
    // CI asks for a JSON report too (.ci/run prints its plain "N passed, N failed" line).
    reporters: process.env.MPC_TEST_REPORT
      ? ['default', ['json', { outputFile: process.env.MPC_TEST_REPORT }]]
      : ['default'],
  },
});
