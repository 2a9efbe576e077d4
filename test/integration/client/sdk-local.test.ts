import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { decodeInputShare } from '../../../contract/input/input-codec.ts';
import { declarationDigest } from '../../../contract/job/collaboration-declaration.ts';
import { encodeFixed } from '../../../contract/analysis/fixed-point.ts';
import { storageLayout } from '../../../contract/storage/storage-layout.ts';
import { generateKeyPair, open } from '../../../contract/crypto/hpke.ts';
import { loadServerKeys } from '../../../mpc-servers/keys/load-server-keys.ts';
import { add } from '../../../contract/sharing/ring.ts';
import type { Party } from '../../../contract/party.ts';
import { withBearerToken } from '../../../client/auth/bearer-fetch.ts';
import { TokenProvider } from '../../../client/auth/token-provider.ts';
import { ApiError } from '../../../client/http/api-error.ts';
import { InputRowsError, parseInputRows } from '../../../client/input/rows.ts';
import { KeyStore } from '../../../client/keys/key-store.ts';
import type { CreateCollaborationRequest } from '../../../client/sdk/api-models.ts';
import { ResultNotReadyError, fetchResult } from '../../../client/sdk/fetch-result.ts';
import { joinCollaboration } from '../../../client/sdk/join.ts';
import { MpcClient } from '../../../client/sdk/mpc-client.ts';
import { inputShareAad } from '../../../client/sdk/share-bindings.ts';
import { parseServerKeyPins, ServerKeyMismatchError } from '../../../client/sdk/server-key-pins.ts';
import { submitInput } from '../../../client/sdk/submit-input.ts';
import { startLocalSystem, type LocalSystem } from '../../../local/runtime/ephemeral-system.ts';
import { localS3Client } from '../../../local/emulators/local-clients.ts';

/** The SDK against the real coordinator handlers on DynamoDB Local and s3rver, over real HTTP. */
let system: LocalSystem;
let home: string;
let s3: S3Client;

beforeAll(async () => {
  system = await startLocalSystem({ log: () => undefined });
  home = await mkdtemp(join(tmpdir(), 'mpc-home-'));
  s3 = localS3Client(system.s3Endpoint);
});

afterAll(async () => {
  await system?.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

function clientFor(clientId: string, apiUrl = system.apiUrl): MpcClient {
  return new MpcClient({
    apiUrl,
    tokenUrl: system.tokenUrl,
    clientId,
    clientSecret: system.clientSecret,
    retry: { baseDelayMs: 5 },
  });
}

const fields = [
  { name: 'age', type: 'int' as const, min: 0, max: 130 },
  { name: 'salary', type: 'fixed' as const, fractionalBits: 8, min: 0, max: 1_000_000 },
];

function collaborationRequest(name: string): CreateCollaborationRequest {
  return {
    name,
    analyses: [{ kind: 'count' }, { kind: 'mean', field: 'salary' }, { kind: 'max', field: 'age' }],
    inputSchema: { fields },
    minParticipants: 2,
    maxParticipants: 5,
    inputDeadline: new Date(Date.now() + 3_600_000).toISOString(),
    resultRecipients: 'all-participants',
  };
}

/** Server `party`'s HPKE private key, loaded the way the server itself loads it. */
async function serverPrivateKey(party: Party): Promise<Uint8Array> {
  const key = system.serverKeys.find((candidate) => candidate.id === party)!;
  return (await loadServerKeys({ file: key.keyFilePath })).hpkePrivateKey;
}

/** An input share, from the bucket of the server it is sealed to. */
async function storedObject(party: 'A' | 'B', key: string): Promise<Uint8Array> {
  const bucket = system.serverInputBuckets[party];
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return new Uint8Array(await object.Body!.transformToByteArray());
}

describe('MpcClient against the local runtime', () => {
  it('reads health and the computation servers', async () => {
    const client = clientFor('lab-health');
    expect(await client.getHealth()).toEqual({ status: 'ok' });
    const servers = await client.listComputationServers();
    expect(servers.map((server) => server.id).sort()).toEqual(['A', 'B']);
  });

  it('creates idempotently, discovers, and surfaces problems as ApiError', async () => {
    const owner = clientFor('owner-1');
    const idempotencyKey = randomUUID();
    const request = collaborationRequest('idempotent');
    const created = await owner.createCollaboration(request, { idempotencyKey });
    const again = await owner.createCollaboration(request, { idempotencyKey });
    expect(again.collaborationId).toBe(created.collaborationId);

    const reused = await owner
      .createCollaboration({ ...request, name: 'another body' }, { idempotencyKey })
      .catch((caught: unknown) => caught);
    expect(reused).toBeInstanceOf(ApiError);
    expect(reused).toMatchObject({
      status: 409,
      type: 'https://mpc.example/problems/idempotency-key-reused',
    });
    expect((reused as ApiError).requestId).toBeTruthy();

    const found: string[] = [];
    for await (const collaboration of clientFor('lab-discover').collaborations({
      status: 'OPEN',
      limit: 1,
    })) {
      found.push(collaboration.collaborationId);
    }
    expect(found).toContain(created.collaborationId);

    const missing = await owner.getCollaboration(randomUUID()).catch((caught: unknown) => caught);
    expect(missing).toMatchObject({ status: 404, type: 'https://mpc.example/problems/not-found' });
    const notOwner = await clientFor('lab-x')
      .cancelCollaboration(created.collaborationId)
      .catch((caught: unknown) => caught);
    expect(notOwner).toMatchObject({ status: 403, type: 'https://mpc.example/problems/forbidden' });
    expect((await owner.cancelCollaboration(created.collaborationId)).status).toBe('CANCELLED');
  });

  it('joins, rejects a bad CSV before uploading, submits sealed shares the servers can open', async () => {
    const owner = clientFor('owner-2');
    const { collaborationId } = await owner.createCollaboration(collaborationRequest('salaries'));
    const keys = new KeyStore(home);
    const labA = clientFor('lab-a');
    const labB = clientFor('lab-b');
    const joined = await joinCollaboration(labA, keys, collaborationId);
    expect(joined.status).toBe('READY_FOR_INPUT');
    expect(joined.resultPublicKey).toBe((await keys.require('lab-a', collaborationId)).publicKey);
    const joinedB = await joinCollaboration(labB, keys, collaborationId, {
      webhookUrl: 'http://127.0.0.1:9/hook',
    });
    // The signing secret is shown once, at join: the SDK keeps it beside the result key.
    expect(joinedB.webhookSecret).toMatch(/^whsec_/);
    expect(await keys.loadWebhookSecret('lab-b', collaborationId)).toBe(joinedB.webhookSecret);
    expect(await keys.loadWebhookSecret('lab-a', collaborationId)).toBeUndefined();

    for (const bad of [
      'age,income\n30,1000\n', // wrong header
      'age,salary\n30,lots\n', // non-numeric
      'age,salary\n30,2000000\n', // out of bounds
    ]) {
      await expect(submitInput(labA, collaborationId, bad)).rejects.toBeInstanceOf(InputRowsError);
    }
    // Keys pinned out of band that differ from what the coordinator offers: refused before anything is sealed.
    const offered = await labA.listComputationServers();
    const stranger = (await generateKeyPair()).publicKey;
    await expect(
      submitInput(labA, collaborationId, 'age,salary\n30,1000.5\n', {
        pinnedServerKeys: { A: stranger, B: offered.find((server) => server.id === 'B')!.publicKey },
      }),
    ).rejects.toBeInstanceOf(ServerKeyMismatchError);
    const untouched = await labA.getMyParticipation(collaborationId);
    expect(untouched.status).toBe('READY_FOR_INPUT');
    expect(untouched.input).toBeUndefined();

    const pins = parseServerKeyPins(JSON.stringify(offered));

    const inputA = await submitInput(labA, collaborationId, 'age,salary\n30,1000.5\n41,2000.25\n', {
      pinnedServerKeys: pins,
    });
    // Rows checked up front against the caller's own copy of the schema, as an application would.
    await submitInput(
      labB,
      collaborationId,
      parseInputRows(JSON.stringify([{ age: 52, salary: 3000 }]), fields),
      { pinnedServerKeys: pins },
    );
    expect(inputA.status).toBe('COMPLETE');
    expect((await labA.getMyParticipation(collaborationId)).status).toBe('INPUT_COMPLETE');
    expect((await owner.getCollaboration(collaborationId)).completedInputCount).toBe(2);

    // Playing the computation servers: open lab A's shares from storage and recombine them.
    const columns = await Promise.all(
      (['A', 'B'] as const).map(async (party) => {
        const sealed = await storedObject(
          party,
          storageLayout.inputShare(party, collaborationId, inputA.inputId),
        );
        const declared = await labA.getCollaboration(collaborationId);
        const aad = inputShareAad(
          collaborationId,
          'lab-a',
          party,
          declarationDigest({
            spec: { fields: declared.inputSchema.fields, analyses: declared.analyses },
            minParticipants: declared.minParticipants,
            resultRecipients: declared.resultRecipients,
          }),
        );
        const plaintext = await open({ privateKey: await serverPrivateKey(party), sealed, aad });
        return decodeInputShare(party, plaintext, fields).columns;
      }),
    );
    const [a, b] = columns as [BigUint64Array[], BigUint64Array[]];
    expect([...add(a[0]!, b[0]!)]).toEqual([30n, 41n]);
    expect([...add(a[1]!, b[1]!)]).toEqual([encodeFixed(1000.5, 8), encodeFixed(2000.25, 8)]);

    const pending = await labA.getResult(collaborationId);
    expect(pending.ready).toBe(false);
    await expect(fetchResult(labA, keys, collaborationId, { pinnedServerKeys: pins })).rejects.toBeInstanceOf(
      ResultNotReadyError,
    );
  });
});

describe('token renewal against the local issuer', () => {
  it('renews before expiry and after a 401 with a revoked token', async () => {
    let clock = Date.now();
    const issued: string[] = [];
    let tamperNext = false;
    const tokens = new TokenProvider({
      tokenUrl: system.tokenUrl,
      clientId: 'lab-renew',
      clientSecret: system.clientSecret,
      now: () => clock,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const body = (await response.json()) as { access_token: string; expires_in: number };
        // A token the API no longer accepts, as after a key rotation: flip its signature.
        if (tamperNext) body.access_token = `${body.access_token.slice(0, -4)}AAAA`;
        tamperNext = false;
        issued.push(body.access_token);
        return Response.json(body, { status: response.status });
      },
    });
    const api = withBearerToken(tokens);
    const servers = `${system.apiUrl}/v1/computation-servers`;

    expect((await api(servers)).status).toBe(200);
    expect((await api(servers)).status).toBe(200);
    expect(issued).toHaveLength(1);

    clock += 24 * 3_600_000; // long past any expiry
    tamperNext = true;
    expect((await api(servers)).status).toBe(200);
    expect(issued).toHaveLength(3); // the renewal was refused with 401, so one more token
  });
});

describe('retries in front of the local runtime', () => {
  it('rides over 429 and 503 answers from a proxy', async () => {
    let requests = 0;
    const proxy = createServer((request, response) => {
      requests += 1;
      if (requests === 1) {
        response.writeHead(429, { 'retry-after': '1', 'content-type': 'application/problem+json' });
        response.end(JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429 }));
        return;
      }
      if (requests === 2) {
        response.writeHead(503).end();
        return;
      }
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const headers = Object.fromEntries(
          Object.entries(request.headers).filter(([name]) => !['host', 'connection'].includes(name)),
        ) as Record<string, string>;
        fetch(`${system.apiUrl}${request.url}`, {
          method: request.method,
          headers,
          body: chunks.length ? Buffer.concat(chunks) : undefined,
        })
          .then(async (upstream) => {
            response.writeHead(upstream.status, {
              'content-type': upstream.headers.get('content-type') ?? '',
            });
            response.end(Buffer.from(await upstream.arrayBuffer()));
          })
          .catch(() => response.writeHead(502).end());
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const proxied = clientFor('lab-retry', `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
      const created = await proxied.createCollaboration(collaborationRequest('through a flaky proxy'));
      expect(requests).toBe(3);
      expect((await clientFor('lab-retry').getCollaboration(created.collaborationId)).name).toBe(
        'through a flaky proxy',
      );
    } finally {
      proxy.closeAllConnections();
      proxy.close();
    }
  });
});
