import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { KeyStore } from '../../client/keys/key-store.ts';
import type { CreateCollaborationRequest, Participation } from '../../client/sdk/api-models.ts';
import { joinCollaboration } from '../../client/sdk/join.ts';
import { MpcClient } from '../../client/sdk/mpc-client.ts';
import { submitInput } from '../../client/sdk/submit-input.ts';
import { localWorkflowPlugin, type LocalWorkflowPlugin } from '../workflow/local-workflow-plugin.ts';
import type { LocalWorkflowSettings } from '../workflow/local-workflow-system.ts';
import { startLocalSystem, type LocalSystem } from '../runtime/ephemeral-system.ts';
import { WebhookSink } from './webhook-sink.ts';
import { localS3Client } from '../emulators/local-clients.ts';

/** The whole system on one machine plus what the end-to-end tests and benchmarks drive it with. */
export interface E2eSystem {
  system: LocalSystem;
  plugin: LocalWorkflowPlugin;
  hooks: WebhookSink;
  keys: KeyStore;
  /** Both servers' public keys as clients pin them, out of band from the coordinator. */
  pins: { A: string; B: string };
  s3: S3Client;
  client(clientId: string): MpcClient;
  stop(): Promise<void>;
}

export async function startE2eSystem(local: LocalWorkflowSettings = {}): Promise<E2eSystem> {
  const plugin = localWorkflowPlugin({
    // A lost peer is noticed in seconds, not the production minute.
    taskEnv: { MPC_PEER_SILENCE_MS: '5000', MPC_LINK_TIMEOUT_MS: '20000' },
    ...local,
  });
  // Step handlers log every step at INFO (CloudWatch on AWS); the tests keep warnings and errors only.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const system = await startLocalSystem({ log: () => undefined, plugins: [plugin] });
  const home = await mkdtemp(joinPath(tmpdir(), 'mpc-e2e-home-'));
  const hooks = await WebhookSink.start();
  const s3 = localS3Client(system.s3Endpoint);
  return {
    system,
    plugin,
    hooks,
    keys: new KeyStore(home),
    pins: {
      A: system.serverKeys.find((key) => key.id === 'A')!.publicKey,
      B: system.serverKeys.find((key) => key.id === 'B')!.publicKey,
    },
    s3,
    client: (clientId) =>
      new MpcClient({
        apiUrl: system.apiUrl,
        tokenUrl: system.tokenUrl,
        clientId,
        clientSecret: system.clientSecret,
        retry: { baseDelayMs: 5 },
      }),
    async stop() {
      s3.destroy();
      await hooks.stop();
      await system.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}

export interface Member {
  clientId: string;
  client: MpcClient;
  participation: Participation & { webhookSecret?: string };
  /** The servers' keys this member pins (the system's, given out of band). */
  pins: { A: string; B: string };
}

/** Joins through the SDK (result key kept in the key store), with a webhook URL unless told otherwise. */
export async function joinAs(
  e2e: E2eSystem,
  collaborationId: string,
  clientId: string,
  webhookUrl: string | null = e2e.hooks.urlFor(clientId),
): Promise<Member> {
  const client = e2e.client(clientId);
  const participation = await joinCollaboration(client, e2e.keys, collaborationId, {
    ...(webhookUrl ? { webhookUrl } : {}),
  });
  return { clientId, client, participation, pins: e2e.pins };
}

export async function upload(member: Member, collaborationId: string, rows: number[][]): Promise<void> {
  const collaboration = await member.client.getCollaboration(collaborationId);
  await submitInput(
    member.client,
    collaborationId,
    { fields: collaboration.inputSchema.fields, rows },
    { pinnedServerKeys: member.pins },
  );
}

export async function createCollaboration(
  e2e: E2eSystem,
  request: Omit<CreateCollaborationRequest, 'inputDeadline'> & { deadlineInSeconds: number },
): Promise<string> {
  const { deadlineInSeconds, ...rest } = request;
  const created = await e2e.client('owner').createCollaboration({
    ...rest,
    inputDeadline: new Date(Date.now() + deadlineInSeconds * 1000).toISOString(),
  });
  return created.collaborationId;
}

/**
 * A collaboration of exactly `participants` members, all of whom receive the result, joined as
 * `<clientIdPrefix><p>` (default `bench-participant-`), without webhooks unless asked: the set-up of the
 * benchmarks that run jobs through the system.
 */
export async function collaborationOfParticipants(
  e2e: E2eSystem,
  name: string,
  schema: Pick<CreateCollaborationRequest, 'analyses' | 'inputSchema'>,
  participants: number,
  options: { clientIdPrefix?: string; webhooks?: boolean } = {},
): Promise<{ collaborationId: string; members: Member[] }> {
  const { clientIdPrefix = 'bench-participant-', webhooks = false } = options;
  const collaborationId = await createCollaboration(e2e, {
    name,
    ...schema,
    minParticipants: participants,
    maxParticipants: participants,
    deadlineInSeconds: 3600,
    resultRecipients: 'all-participants',
  });
  const members: Member[] = [];
  for (let p = 0; p < participants; p++)
    // undefined takes joinAs's default, the system's webhook sink.
    members.push(await joinAs(e2e, collaborationId, `${clientIdPrefix}${p}`, webhooks ? undefined : null));
  return { collaborationId, members };
}

/** Object keys under a prefix of a bucket. */
export async function keysUnder(e2e: E2eSystem, bucket: string, prefix: string): Promise<string[]> {
  const answer = await e2e.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (answer.Contents ?? []).map((object) => object.Key ?? '');
}

/** Polls until `check` holds (the workflow moves on its own); fails with the last value after `timeoutMs`. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs: number,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
