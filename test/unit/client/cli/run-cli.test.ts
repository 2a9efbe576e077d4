import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../client/cli/run-cli.ts';

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stdout, stderr };
}

describe('runCli without a coordinator', () => {
  it('prints help on stdout and exits 0', async () => {
    const overview = await run(['--help']);
    expect(overview).toMatchObject({ code: 0, stderr: '' });
    expect(overview.stdout).toMatch(/^mpc: take part/);
    expect((await run(['wait', '--help'])).stdout).toMatch(/--timeout S +give up after S seconds/);
  });

  it('reports a usage error as one line on stderr, exit 2, nothing on stdout', async () => {
    expect(await run(['create', '--name', 'x'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'mpc: --field is required (see mpc create --help)\n',
    });
  });

  it('names every missing setting, and a flag stands in for its variable', async () => {
    const missing = await run(['show', 'c-1'], { MPC_API_URL: 'http://127.0.0.1:1' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'mpc: not configured: set MPC_TOKEN_URL (or --token-url), MPC_CLIENT_ID (or --client-id), MPC_CLIENT_SECRET (or --client-secret) (see mpc --help)\n',
    );
    // All set (one by flag): the command runs and fails on the unreachable token endpoint instead, exit 1.
    const unreachable = await run(['show', 'c-1', '--client-id', 'clinic-a'], {
      MPC_API_URL: 'http://127.0.0.1:1',
      MPC_TOKEN_URL: 'http://127.0.0.1:1/oauth2/token',
      MPC_CLIENT_SECRET: 's',
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(unreachable.stderr).toMatch(/^mpc: /);
  }, 30_000);

  it('checks create options before calling anything', async () => {
    const env = { MPC_API_URL: 'x', MPC_TOKEN_URL: 'x', MPC_CLIENT_ID: 'x', MPC_CLIENT_SECRET: 'x' };
    const base = ['create', '--name', 'n', '--min', '2', '--max', '3', '--field', 'age:int'];
    expect((await run([...base, '--analysis', 'histogram'], env)).stderr).toBe(
      'mpc: --analysis histogram: histogram needs --bins e0,e1,... (see mpc --help)\n',
    );
    expect((await run([...base, '--field', 'age:int', '--analysis', 'mean'], env)).stderr).toBe(
      'mpc: --field age is given twice (see mpc create --help)\n',
    );
    expect((await run([...base, '--analysis', 'count', '--invite', 'a,b a'], env)).stderr).toBe(
      'mpc: --invite: "b a" is not a client id ([A-Za-z0-9_+-], 1 to 128) (see mpc create --help)\n',
    );
    expect((await run([...base, '--analysis', 'count', '--invite', 'a,b,a'], env)).stderr).toBe(
      'mpc: --invite: a is named twice (see mpc create --help)\n',
    );
    for (const bad of ['0', '16777217', '2.5', '1e3', 'many']) {
      const refused = await run([...base, '--analysis', 'count', '--max-rows-per-participant', bad], env);
      expect(refused).toEqual({
        code: 2,
        stdout: '',
        stderr: `mpc: --max-rows-per-participant ${bad}: give an integer from 1 to 16777216 (see mpc --help)\n`,
      });
    }
  });
});
