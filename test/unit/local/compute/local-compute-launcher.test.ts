import { describe, expect, it } from 'vitest';
import { LocalComputeLauncher, LocalTaskFailed } from '../../../../local/compute/local-compute-launcher.ts';

const noEnv = { baseEnv: {}, containerEnv: { dealer: {}, serverA: {}, serverB: {} } };

describe('local compute launcher: a task whose process cannot start', () => {
  // A Node binary that is not there: spawn reports ENOENT through the child's 'error' event, never 'exit'.
  const lines: string[] = [];
  const launcher = new LocalComputeLauncher({
    ...noEnv,
    nodePath: '/nonexistent/mpc-test/node',
    log: (container, line) => lines.push(`${container}: ${line}`),
  });

  it('is reported stopped with the reason, the way the poll step reads it', async () => {
    const { taskArn } = launcher.start('serverA', ['--party', 'A', '--job', 'job-spawn-error']);
    await expect
      .poll(async () => (await launcher.describe([taskArn]))[0])
      .toEqual({
        taskArn,
        running: false,
        stoppedReason: 'task process failed to start (ENOENT)',
      });
    expect(launcher.runningTasks()).toEqual([]);
    expect(lines).toContainEqual(
      expect.stringMatching(/^serverA: task stopped: task process failed to start \(ENOENT\) after \d+ ms$/),
    );
    await launcher.stop([taskArn]); // nothing to kill: resolves at once
  });

  it('counts its stop as a report and wakes a poll waiting for the next one', async () => {
    const { taskArn } = launcher.start('serverB', ['--party', 'B', '--job', 'job-spawn-error']);
    expect(launcher.reportCount([taskArn])).toBe(0);
    // A limit far past the test's own timeout: only the stop can end this wait.
    await launcher.nextReport([taskArn], 3_600_000);
    expect(launcher.reportCount([taskArn])).toBe(1);
    expect(launcher.reportCount(['arn:never-started'])).toBe(0);
  });

  it('fails a runTask.sync state with the reason instead of waiting for an exit that never comes', async () => {
    const run = launcher.run('dealer', ['--job', 'job-spawn-error']);
    await expect(run).rejects.toBeInstanceOf(LocalTaskFailed);
    await expect(run).rejects.toThrow('dealer task task process failed to start (ENOENT)');
  });
});

describe('local compute launcher: a task that runs', () => {
  it('is reported stopped with its exit code once its process ends', async () => {
    const lines: string[] = [];
    const launcher = new LocalComputeLauncher({ ...noEnv, log: (_, line) => lines.push(line) });
    // No --job: the dealer fails at once with exit code 1 and says why.
    await expect(launcher.run('dealer', [])).rejects.toThrow('dealer task exit code 1');
    expect(lines.join('\n')).toContain('usage: mpc-dealer --job ID');
    expect(lines.at(-1)).toMatch(/^task stopped: exit code 1 after \d+ ms$/);
    expect(launcher.runningTasks()).toEqual([]);
  }, 30_000);
});
