import type { Party } from '../../contract/party.ts';
import type { ComputationServer } from './api-models.ts';

/**
 * The computation servers' HPKE public keys as the client knows them out of band (from the servers' operators).
 * The coordinator hands out the keys clients seal their shares to; it is trusted for liveness, never for privacy,
 * so a client seals only when both servers are pinned and the coordinator names exactly those keys, and opens
 * result shares only as coming from them (HPKE Auth mode). Development may trust on first use instead
 * (`trust-on-first-use.ts`).
 */
export type ServerKeyPins = Partial<Record<Party, string>>;

export class ServerKeyMismatchError extends Error {
  override readonly name = 'ServerKeyMismatchError';
}

/**
 * Reads pins from JSON: the `[{ "id": "A", "publicKey": "..." }, ...]` list that `npm run keys:rotate` prints and
 * `GET /v1/computation-servers` answers, or `{ "A": "...", "B": "..." }`.
 */
export function parseServerKeyPins(text: string): ServerKeyPins {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ServerKeyMismatchError('server key pins are not JSON');
  }
  const entries: [unknown, unknown][] = Array.isArray(value)
    ? value.map((server: { id?: unknown; publicKey?: unknown }) => [server?.id, server?.publicKey])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  const pins: ServerKeyPins = {};
  for (const [id, publicKey] of entries) {
    if ((id !== 'A' && id !== 'B') || typeof publicKey !== 'string' || publicKey === '')
      throw new ServerKeyMismatchError('server key pins name servers A and B with a publicKey each');
    pins[id] = publicKey;
  }
  if (!pins.A && !pins.B) throw new ServerKeyMismatchError('server key pins name no server');
  return pins;
}

/** Both servers' keys, checked: what sealing and opening use once `checkServerKeyPins` passed. */
export type CompleteServerKeyPins = Record<Party, string>;

/**
 * Throws before anything is sealed unless both servers are pinned, with different keys, and the coordinator
 * names exactly the pinned keys: a missing pin, A's key equal to B's (one operator would hold both shares)
 * or another key offered (the coordinator could open the shares) are all refused.
 */
export function checkServerKeyPins(
  servers: readonly ComputationServer[],
  pins: ServerKeyPins | undefined,
): CompleteServerKeyPins {
  const complete = requireBothPins(pins);
  for (const party of ['A', 'B'] as const) {
    const offered = servers.find((server) => server.id === party)?.publicKey;
    if (offered !== complete[party])
      throw new ServerKeyMismatchError(
        `the coordinator offers another public key for computation server ${party} than the pinned one; nothing was sealed or uploaded`,
      );
  }
  return complete;
}

/** Both pins present and different, or a `ServerKeyMismatchError` saying which is wrong. */
export function requireBothPins(pins: ServerKeyPins | undefined): CompleteServerKeyPins {
  const missing = (['A', 'B'] as const).filter((party) => !pins?.[party]);
  if (missing.length > 0)
    throw new ServerKeyMismatchError(
      `no pinned public key for computation server ${missing.join(' and ')}: pin both servers' keys from their operators (MPC_SERVER_KEYS or --server-key-file), or trust on first use in development (MPC_TRUST_ON_FIRST_USE=true); nothing was sealed or uploaded`,
    );
  const { A, B } = pins as CompleteServerKeyPins;
  if (A === B)
    throw new ServerKeyMismatchError(
      'the pinned keys of computation servers A and B are the same: one operator would hold both shares; nothing was sealed or uploaded',
    );
  return { A, B };
}
