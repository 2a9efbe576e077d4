import { describe, expect, it } from 'vitest';
import type { ComputationServer } from '../../../../client/sdk/api-models.ts';
import {
  checkServerKeyPins,
  parseServerKeyPins,
  ServerKeyMismatchError,
} from '../../../../client/sdk/server-key-pins.ts';

const suite = { kem: 'DHKEM-X25519-HKDF-SHA256', kdf: 'HKDF-SHA256', aead: 'AES-128-GCM' } as const;
const offered: ComputationServer[] = [
  { id: 'A', publicKey: 'key-a', ...suite },
  { id: 'B', publicKey: 'key-b', ...suite },
];

describe('server key pins', () => {
  it('reads the keys:rotate / computation-servers list and the { A, B } form', () => {
    expect(parseServerKeyPins(JSON.stringify(offered))).toEqual({ A: 'key-a', B: 'key-b' });
    expect(parseServerKeyPins('{"B":"key-b"}')).toEqual({ B: 'key-b' });
  });

  it('refuses malformed pins with a readable reason', () => {
    for (const text of ['nope', '[]', '{}', '[{"id":"C","publicKey":"x"}]', '{"A":""}']) {
      expect(() => parseServerKeyPins(text), text).toThrow(ServerKeyMismatchError);
    }
  });

  it('passes both matching keys; refuses a missing pin, A equal to B, and a key the coordinator does not offer', () => {
    expect(checkServerKeyPins(offered, { A: 'key-a', B: 'key-b' })).toEqual({ A: 'key-a', B: 'key-b' });
    expect(() => checkServerKeyPins(offered, undefined)).toThrow(/computation server A and B/);
    expect(() => checkServerKeyPins(offered, { B: 'key-b' })).toThrow(/computation server A:/);
    expect(() => checkServerKeyPins(offered, { A: 'key-a', B: 'key-x' })).toThrow(/computation server B/);
    expect(() => checkServerKeyPins(offered.slice(0, 1), { A: 'key-a', B: 'key-b' })).toThrow(
      ServerKeyMismatchError,
    );
    const same = offered.map((server) => ({ ...server, publicKey: 'key-a' }));
    expect(() => checkServerKeyPins(same, { A: 'key-a', B: 'key-a' })).toThrow(/are the same/);
  });
});
