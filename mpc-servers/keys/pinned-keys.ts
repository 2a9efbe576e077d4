/**
 * Public keys a computation component takes from its own configuration, never from the job description:
 *
 * - `serverPublicKeysFrom(env)`: the dealer's MPC_SERVER_KEYS, the servers' HPKE public keys it seals
 *   material to: the list `npm run keys:rotate` prints (`[{ "id": "A", "publicKey": ... }, ...]`) or
 *   `{ "A": ..., "B": ... }`; both servers, with different keys.
 * - `dealerPublicKeyFrom(env)`: a server's MPC_DEALER_PUBLIC_KEY, the only key dealer material may be
 *   sealed with (HPKE Auth mode).
 */
import type { Party } from '../../contract/party.ts';
import { JobFailure } from '../runtime/failure.ts';

const RAW_X25519_BASE64URL = /^[A-Za-z0-9_-]{43}$/;

export function serverPublicKeysFrom(env: NodeJS.ProcessEnv): Record<Party, string> {
  const fail = (why: string): never => {
    throw new JobFailure('CONFIGURATION', `MPC_SERVER_KEYS ${why}`);
  };
  const text = env.MPC_SERVER_KEYS;
  if (!text) return fail("is not set (the servers' HPKE public keys, from their operators)");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('is not JSON');
  }
  const entries: [unknown, unknown][] = Array.isArray(value)
    ? value.map((server: { id?: unknown; publicKey?: unknown } | null) => [server?.id, server?.publicKey])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  const keys: Partial<Record<Party, string>> = {};
  for (const [id, publicKey] of entries) {
    if ((id === 'A' || id === 'B') && typeof publicKey === 'string' && RAW_X25519_BASE64URL.test(publicKey))
      keys[id] = publicKey;
  }
  if (!keys.A || !keys.B) return fail('must name servers A and B, each with a 32-byte base64url publicKey');
  if (keys.A === keys.B) return fail('names the same key for A and B');
  return { A: keys.A, B: keys.B };
}

export function dealerPublicKeyFrom(env: NodeJS.ProcessEnv): string {
  const key = env.MPC_DEALER_PUBLIC_KEY;
  if (!key || !RAW_X25519_BASE64URL.test(key))
    throw new JobFailure(
      'CONFIGURATION',
      "MPC_DEALER_PUBLIC_KEY must be the dealer's HPKE public key (32 bytes, base64url), from the dealer's operator",
    );
  return key;
}
