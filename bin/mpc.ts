import { runCli } from '../client/cli/run-cli.ts';

// `mpc`: the client service's command line. Exit code 0 on success, 1 on failure, 2 on a usage error.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
