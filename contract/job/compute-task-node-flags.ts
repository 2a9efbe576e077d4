/**
 * The Node.js flags every computation task (dealer, server B, server A) runs with, wherever it runs: the
 * image's entry point (mpc-servers/Dockerfile), the ECS container definitions (lib/constructs/mpc-tasks.ts),
 * the local runtime's task processes and the benchmarks' party processes.
 * - source maps, so a stack trace in the logs names the TypeScript line;
 * - a 64 MiB young generation: a job allocates short-lived vectors of megabytes per round, and the default
 *   semi-space (16 MiB) promotes them into the old generation and collects far more often (docs/operations.md).
 */
export const COMPUTE_TASK_NODE_FLAGS: readonly string[] = [
  '--enable-source-maps',
  '--max-semi-space-size=64',
];
