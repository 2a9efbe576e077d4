import { mkdtemp, readdir, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyStore, defaultMpcHome } from '../../../../client/keys/key-store.ts';
import { bindingAad } from '../../../../contract/crypto/aad.ts';
import { open, publicKeyFromPrivateKey, seal } from '../../../../contract/crypto/hpke.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'key-store-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe('KeyStore', () => {
  it('creates a pair once, under private directories and a 0600 file', async () => {
    const home = join(root, 'mpc-home');
    const store = new KeyStore(home);
    const pair = await store.getOrCreate('lab-1', 'collab-1');
    expect(publicKeyFromPrivateKey(pair.privateKey)).toBe(pair.publicKey);
    expect(await store.getOrCreate('lab-1', 'collab-1')).toEqual(pair);
    expect(await new KeyStore(home).load('lab-1', 'collab-1')).toEqual(pair);

    const path = store.keyPath('lab-1', 'collab-1');
    expect(path).toBe(join(home, 'clients', 'lab-1', 'result-keys', 'collab-1.json'));
    expect(await modeOf(path)).toBe(0o600);
    for (const directory of [home, join(home, 'clients'), join(home, 'clients', 'lab-1'), join(path, '..')]) {
      expect(await modeOf(directory)).toBe(0o700);
    }
    // No temporary file is left behind.
    expect(await readdir(join(path, '..'))).toEqual(['collab-1.json']);
  });

  it('keeps separate pairs per client and per collaboration', async () => {
    const store = new KeyStore(root);
    const a = await store.getOrCreate('lab-1', 'c-1');
    const b = await store.getOrCreate('lab-2', 'c-1');
    const c = await store.getOrCreate('lab-1', 'c-2');
    expect(new Set([a.publicKey, b.publicKey, c.publicKey]).size).toBe(3);
  });

  it('gives every concurrent caller the same pair', async () => {
    const stores = Array.from({ length: 8 }, () => new KeyStore(root));
    const pairs = await Promise.all(stores.map((store) => store.getOrCreate('lab-1', 'c-9')));
    expect(new Set(pairs.map((pair) => pair.publicKey)).size).toBe(1);
    expect(await readdir(join(stores[0]!.keyPath('lab-1', 'c-9'), '..'))).toEqual(['c-9.json']);
  });

  it('opens what was sealed to the stored public key', async () => {
    const store = new KeyStore(root);
    const { publicKey } = await store.getOrCreate('lab-1', 'c-1');
    const aad = bindingAad({
      purpose: 'result-share',
      collaborationId: 'c-1',
      jobId: 'j-1',
      party: 'A',
      recipientId: 'lab-1',
    });
    const sealed = await seal({ recipientPublicKey: publicKey, plaintext: new Uint8Array([1, 2, 3]), aad });
    const { privateKey } = await store.require('lab-1', 'c-1');
    expect(await open({ privateKey, sealed, aad })).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('refuses a key file others can read, and a corrupt one, without printing the key', async () => {
    const store = new KeyStore(root);
    const pair = await store.getOrCreate('lab-1', 'c-1');
    const path = store.keyPath('lab-1', 'c-1');
    await chmod(path, 0o644);
    await expect(store.load('lab-1', 'c-1')).rejects.toThrow(/accessible by others \(mode 644\)/);

    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace(pair.publicKey, 'A'.repeat(43)), { mode: 0o600 });
    await chmod(path, 0o600);
    const error = (await store.load('lab-1', 'c-1').catch((caught: unknown) => caught)) as Error;
    expect(error.message).toBe(`result key file ${path} is corrupt`);
    expect(error.message).not.toContain(Buffer.from(pair.privateKey).toString('base64url'));
  });

  it('rejects ids that would leave the directory, and reports a missing key', async () => {
    const store = new KeyStore(root);
    await expect(store.getOrCreate('../evil', 'c-1')).rejects.toThrow(
      /client id cannot be used as a file name/,
    );
    await expect(store.getOrCreate('lab-1', '..')).rejects.toThrow(/collaboration id cannot be used/);
    await expect(store.require('lab-1', 'nope')).rejects.toThrow(/no result key for client lab-1/);
    await store.delete('lab-1', 'nope');
  });

  it('keeps the first webhook secret, private', async () => {
    const store = new KeyStore(root);
    expect(await store.loadWebhookSecret('lab-1', 'c-1')).toBeUndefined();
    await store.saveWebhookSecret('lab-1', 'c-1', 'whsec_Zmlyc3Q=');
    await store.saveWebhookSecret('lab-1', 'c-1', 'whsec_c2Vjb25k');
    expect(await store.loadWebhookSecret('lab-1', 'c-1')).toBe('whsec_Zmlyc3Q=');
    expect(await modeOf(store.webhookSecretPath('lab-1', 'c-1'))).toBe(0o600);
  });

  it('deletes a pair', async () => {
    const store = new KeyStore(root);
    await store.getOrCreate('lab-1', 'c-1');
    await store.delete('lab-1', 'c-1');
    expect(await store.load('lab-1', 'c-1')).toBeUndefined();
  });

  it('defaults to MPC_HOME, then ~/.mpc', () => {
    const saved = process.env.MPC_HOME;
    try {
      process.env.MPC_HOME = root;
      expect(defaultMpcHome()).toBe(root);
      delete process.env.MPC_HOME;
      expect(defaultMpcHome()).toMatch(/\.mpc$/);
    } finally {
      if (saved === undefined) delete process.env.MPC_HOME;
      else process.env.MPC_HOME = saved;
    }
  });
});
