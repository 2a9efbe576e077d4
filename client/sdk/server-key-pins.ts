import type { Party } from '../../contract/party.ts';
import type { ComputationServer } from './api-models.ts';

/**
 * The computation servers' HPKE public keys as the client knows them out of band (from the servers' operators).
 * The coordinator hands out the keys clients seal their shares to; it is trusted for liveness, never for privacy,
 * so a client that pins the keys refuses to seal to any other key the coordinator might name.
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

/** Throws before anything is sealed when the coordinator names another key than a pinned one. */
export function checkServerKeyPins(
  servers: readonly ComputationServer[],
  pins: ServerKeyPins | undefined,
): void {
  for (const [party, pinned] of Object.entries(pins ?? {})) {
    const offered = servers.find((server) => server.id === party)?.publicKey;
    if (offered !== pinned)
      throw new ServerKeyMismatchError(
        `the coordinator offers another public key for computation server ${party} than the pinned one; nothing was uploaded`,
      );
  }
}
