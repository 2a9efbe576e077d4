import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverKeyOptionsFrom } from '../../../../client/cli/cli-config.ts';
import { UsageError } from '../../../../client/cli/usage-error.ts';

/** Where the CLI takes the servers' keys from: MPC_SERVER_KEYS, a key file per operator, or (dev) first use. */
const keyA = 'A'.repeat(43);
const keyB = 'B'.repeat(43);
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'mpc-cli-keys-'));
  await writeFile(join(directory, 'a.key'), `${keyA}\n`);
  await writeFile(join(directory, 'b.json'), JSON.stringify([{ id: 'B', publicKey: keyB, kem: 'x' }]));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const noWarn = () => undefined;

describe('server key options of the CLI', () => {
  it('reads MPC_SERVER_KEYS, and a key file per operator (raw key or the JSON keys:rotate prints)', async () => {
    expect(
      await serverKeyOptionsFrom(
        {},
        { MPC_SERVER_KEYS: JSON.stringify({ A: keyA, B: keyB }) },
        directory,
        noWarn,
      ),
    ).toEqual({ pinnedServerKeys: { A: keyA, B: keyB } });
    const files = { 'server-key-file': [`A=${join(directory, 'a.key')}`, `B=${join(directory, 'b.json')}`] };
    expect(await serverKeyOptionsFrom(files, {}, directory, noWarn)).toEqual({
      pinnedServerKeys: { A: keyA, B: keyB },
    });
  });

  it('trusts on first use only when asked and nothing is pinned; otherwise leaves the pins empty', async () => {
    const tofu = await serverKeyOptionsFrom({}, { MPC_TRUST_ON_FIRST_USE: 'true' }, directory, noWarn);
    expect(tofu.trustOnFirstUse?.file).toBe(join(directory, 'server-keys.json'));
    expect(await serverKeyOptionsFrom({}, {}, directory, noWarn)).toEqual({});
    // A pin wins over first use: a half-pinned configuration is refused later, never silently trusted.
    expect(
      await serverKeyOptionsFrom(
        {},
        { MPC_SERVER_KEYS: `{"A":"${keyA}"}`, MPC_TRUST_ON_FIRST_USE: 'true' },
        directory,
        noWarn,
      ),
    ).toEqual({ pinnedServerKeys: { A: keyA } });
  });

  it('refuses a malformed --server-key-file', async () => {
    for (const value of [
      'C=x',
      'A',
      `A=${join(directory, 'missing.key')}`,
      `A=${join(directory, 'b.json')}`,
    ]) {
      await expect(
        serverKeyOptionsFrom({ 'server-key-file': [value] }, {}, directory, noWarn),
      ).rejects.toBeInstanceOf(UsageError);
    }
  });
});
