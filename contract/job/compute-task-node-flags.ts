/**
 * The Node.js flags every computation task (dealer, server B, server A) runs with, wherever it runs: the
 * image's entry point (mpc-servers/Dockerfile), the ECS container definitions (lib/constructs/mpc-tasks.ts),
 * the local runtime's task processes and the benchmarks' party processes.
 * - source maps, so a stack trace in the logs names the TypeScript line;
 * - a 64 MiB young generation: a job allocates short-lived vectors of megabytes per round, and the default
 *   semi-space (16 MiB) promotes them into the old generation and collects far more often (docs/operations.md);
 * - a 256 MiB initial old generation: those vectors' bytes live outside the JS heap but count towards its
 *   limit, so with the default start (a heap of about 10 MiB) V8 runs a full collection every few rounds.
 */
export const COMPUTE_TASK_NODE_FLAGS: readonly string[] = [
  '--enable-source-maps',
  '--max-semi-space-size=64',
  '--initial-old-space-size=256',
];
