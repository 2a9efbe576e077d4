import type { KeyStore } from '../keys/key-store.ts';
import type { Participation } from './api-models.ts';
import type { CreateOptions, MpcClient } from './mpc-client.ts';

export interface JoinOptions extends CreateOptions {
  /** Where the coordinator posts the signed result-ready notification (https, or http to loopback). */
  webhookUrl?: string;
}

/**
 * Joins with this client's result key for the collaboration, created and stored first, so the private key
 * is on disk before the coordinator can hand out anything sealed to it. Joining again reuses the same key.
 * A webhook secret in the answer is stored beside the key (`KeyStore.loadWebhookSecret`).
 */
export async function joinCollaboration(
  client: MpcClient,
  keys: KeyStore,
  collaborationId: string,
  options: JoinOptions = {},
): Promise<Participation> {
  const { publicKey } = await keys.getOrCreate(client.clientId, collaborationId);
  const { webhookUrl, ...createOptions } = options;
  const participation = await client.joinCollaboration(
    collaborationId,
    { resultPublicKey: publicKey, ...(webhookUrl ? { webhookUrl } : {}) },
    createOptions,
  );
  // The coordinator returns the webhook signing secret once, at join: keep it for the receiver.
  if (participation.webhookSecret) {
    await keys.saveWebhookSecret(client.clientId, collaborationId, participation.webhookSecret);
  }
  return participation;
}
