import { UsageError } from './usage-error.ts';

/** A client id as the API declares it (`components.schemas.ClientId`). */
const CLIENT_ID = /^[A-Za-z0-9_+-]{1,128}$/;

/** `mpc create --invite a,b,c`: the only clients that may join, each named once. */
export function parseInviteList(text: string): string[] {
  const clients = text.split(',').map((client) => client.trim());
  const bad = clients.find((client) => !CLIENT_ID.test(client));
  if (bad !== undefined)
    throw new UsageError(`--invite: "${bad}" is not a client id ([A-Za-z0-9_+-], 1 to 128)`, 'create');
  const repeated = clients.find((client, index) => clients.indexOf(client) !== index);
  if (repeated !== undefined) throw new UsageError(`--invite: ${repeated} is named twice`, 'create');
  return clients;
}
