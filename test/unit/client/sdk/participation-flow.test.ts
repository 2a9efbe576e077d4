import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { startS3Server } from '../../../../local/emulators/s3-server.ts';
import type { RunningEmulator } from '../../../../local/emulators/dynamodb-local.ts';
import { decodeInputShare } from '../../../../contract/input/input-codec.ts';
import { encodeResultShare } from '../../../../contract/result/result-codec.ts';
import { encodeFixed } from '../../../../contract/analysis/fixed-point.ts';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';
import { generateKeyPair, open, seal, type HpkeKeyPair } from '../../../../contract/crypto/hpke.ts';
import { declarationDigest } from '../../../../contract/job/collaboration-declaration.ts';
import { add, ringVector, sub } from '../../../../contract/sharing/ring.ts';
import type { Party } from '../../../../contract/party.ts';
import { InputRowsError, parseInputRows } from '../../../../client/input/rows.ts';
import { KeyStore } from '../../../../client/keys/key-store.ts';
import { ResultNotReadyError, fetchResult } from '../../../../client/sdk/fetch-result.ts';
import { joinCollaboration } from '../../../../client/sdk/join.ts';
import { MpcClient } from '../../../../client/sdk/mpc-client.ts';
import { inputShareAad, resultShareAad } from '../../../../client/sdk/share-bindings.ts';
import { submitInput, type SubmitStage } from '../../../../client/sdk/submit-input.ts';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../support/loopback-server.ts';
import { localS3Client } from '../../../../local/emulators/local-clients.ts';

/**
 * The client's side of a participation against a scripted coordinator that presigns real S3 URLs (s3rver)
 * and checks uploads like the real one. The test plays the computation servers by hand with the real codecs
 * and keys: it opens the input shares, recombines them, and seals result shares back.
 */
const collaborationId = '3f8a2c10-5b7d-4e9f-8a1b-2c3d4e5f6a7b';
const clientId = 'lab-1';
const jobId = 'job-1';
const bucket = 'shares';
const fields = [
  { name: 'age', type: 'int' as const, min: 0, max: 130 },
  { name: 'salary', type: 'fixed' as const, fractionalBits: 8 },
];
const analyses = [{ kind: 'count' as const }, { kind: 'sum' as const, field: 'salary' }];
const collaboration = {
  collaborationId,
  name: 'pay survey',
  description: '',
  ownerId: 'owner-1',
  analyses,
  inputSchema: { fields },
  minParticipants: 1,
  maxParticipants: 5,
  inputDeadline: new Date(Date.now() + 3_600_000).toISOString(),
  resultRecipients: 'all-participants',
  status: 'OPEN',
  participantCount: 1,
  completedInputCount: 0,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
};

let s3: RunningEmulator;
let s3Client: S3Client;
let api: LoopbackServer;
let home: string;
const serverKeys = {} as Record<Party, HpkeKeyPair>;
const state = {
  resultPublicKey: undefined as string | undefined,
  inputs: new Map<string, Record<Party, { sizeBytes: number; sha256: string }>>(),
  completed: [] as string[],
  resultsReady: false,
  /** The job the coordinator says produced the result. */
  resultJobId: jobId,
  rowCounts: [] as number[],
  apiCalls: [] as string[],
};

async function readObject(key: string): Promise<Uint8Array | undefined> {
  try {
    const object = await s3Client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return object.Body ? new Uint8Array(await object.Body.transformToByteArray()) : undefined;
  } catch {
    return undefined;
  }
}

const presign = async (command: PutObjectCommand | GetObjectCommand, headers: Record<string, string>) => ({
  method: command instanceof PutObjectCommand ? 'PUT' : 'GET',
  url: await getSignedUrl(s3Client, command, {
    expiresIn: 300,
    unhoistableHeaders: new Set(Object.keys(headers)),
  }),
  headers,
  expiresAt: new Date(Date.now() + 300_000).toISOString(),
});

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [bucket] });
  s3Client = localS3Client(s3.endpoint, { requestChecksumCalculation: 'WHEN_REQUIRED' });
  serverKeys.A = await generateKeyPair();
  serverKeys.B = await generateKeyPair();
  home = await mkdtemp(join(tmpdir(), 'mpc-home-'));
  const base = `/v1/collaborations/${collaborationId}`;
  const participation = () => ({
    collaborationId,
    clientId,
    status: 'READY_FOR_INPUT',
    joinedAt: new Date().toISOString(),
    resultPublicKey: state.resultPublicKey,
    computationServers: (['A', 'B'] as const).map((id) => ({
      id,
      publicKey: serverKeys[id].publicKey,
      kem: 'DHKEM-X25519-HKDF-SHA256',
      kdf: 'HKDF-SHA256',
      aead: 'AES-128-GCM',
    })),
  });
  api = await startLoopbackServer(async (request, response) => {
    const route = `${request.method} ${request.url}`;
    if (route === 'POST /oauth2/token') {
      sendJson(response, 200, { access_token: 'tok', token_type: 'Bearer', expires_in: 3600 });
      return;
    }
    state.apiCalls.push(route);
    if (route === `GET ${base}`) return sendJson(response, 200, collaboration);
    if (route === `GET ${base}/participants/me`) return sendJson(response, 200, participation());
    if (route === `POST ${base}/participants`) {
      state.resultPublicKey = (JSON.parse(request.body) as { resultPublicKey: string }).resultPublicKey;
      return sendJson(response, 201, participation());
    }
    if (route === `POST ${base}/inputs`) {
      const { shares, rowCount } = JSON.parse(request.body) as {
        rowCount: number;
        shares: Record<Party, { sizeBytes: number; sha256: string }>;
      };
      state.rowCounts.push(rowCount);
      const inputId = `input-${state.inputs.size + 1}`;
      state.inputs.set(inputId, shares);
      const upload = async (party: Party) =>
        presign(
          new PutObjectCommand({
            Bucket: bucket,
            Key: storageLayout.inputShare(party, collaborationId, inputId),
            ChecksumSHA256: shares[party].sha256,
          }),
          { 'x-amz-checksum-sha256': shares[party].sha256 },
        );
      return sendJson(response, 201, {
        inputId,
        collaborationId,
        status: 'PENDING',
        uploads: { A: await upload('A'), B: await upload('B') },
      });
    }
    const complete = new RegExp(`^POST ${base}/inputs/([^/]+)/complete$`).exec(route);
    if (complete) {
      const inputId = complete[1]!;
      for (const party of ['A', 'B'] as const) {
        // What the real coordinator checks: the object is there with the declared size and SHA-256.
        const bytes = await readObject(storageLayout.inputShare(party, collaborationId, inputId));
        const declared = state.inputs.get(inputId)?.[party];
        const sha256 = bytes && createHash('sha256').update(bytes).digest('base64');
        if (!bytes || bytes.length !== declared?.sizeBytes || sha256 !== declared.sha256) {
          return sendJson(response, 422, { type: 'upload-mismatch', title: 'Upload mismatch', status: 422 });
        }
      }
      state.completed.push(inputId);
      return sendJson(response, 200, {
        inputId,
        collaborationId,
        status: 'COMPLETE',
        createdAt: collaboration.createdAt,
      });
    }
    if (route === `GET ${base}/result`) {
      if (!state.resultsReady) {
        return sendJson(
          response,
          202,
          { collaborationId, status: 'COMPUTING', retryAfterSeconds: 2 },
          { 'retry-after': '2' },
        );
      }
      const download = (party: Party) =>
        presign(
          new GetObjectCommand({
            Bucket: bucket,
            Key: storageLayout.resultShare(party, collaborationId, clientId),
          }),
          {},
        );
      return sendJson(response, 200, {
        collaborationId,
        status: 'RESULT_READY',
        jobId: state.resultJobId,
        shares: { A: await download('A'), B: await download('B') },
      });
    }
    sendJson(response, 404, { type: 'not-found', title: 'Not found', status: 404, detail: route });
  });
});

afterAll(async () => {
  await api?.close();
  await s3?.stop();
  await rm(home, { recursive: true, force: true });
});

const pins = () => ({ A: serverKeys.A.publicKey, B: serverKeys.B.publicKey });

function newClient(): MpcClient {
  return new MpcClient({
    apiUrl: api.url,
    tokenUrl: `${api.url}/oauth2/token`,
    clientId,
    clientSecret: 'secret',
    retry: { baseDelayMs: 1 },
  });
}

describe('participation flow', () => {
  it('rejects a bad CSV before anything is uploaded', async () => {
    const client = newClient();
    await joinCollaboration(client, new KeyStore(home), collaborationId);
    const before = state.apiCalls.length;
    const error = await submitInput(client, collaborationId, 'age,salary\n30,1000\nforty,2000\n').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InputRowsError);
    expect((error as Error).message).toContain('line 3, field "age": not a number');
    // Only the two reads that fetch the schema and the server keys: no upload slot, no PUT, no complete.
    expect(state.apiCalls.slice(before).map((call) => call.split(' ')[0])).toEqual(['GET', 'GET']);
    expect(state.inputs.size).toBe(0);

    const otherSchema = parseInputRows('age\n30\n', [{ name: 'age', type: 'int' }]);
    await expect(submitInput(client, collaborationId, otherSchema)).rejects.toThrow(
      /checked against other fields/,
    );
    expect(state.inputs.size).toBe(0);
  });

  it('uploads sealed shares that the servers open and recombine to the rows', async () => {
    const client = newClient();
    const stages: SubmitStage[] = [];
    const input = await submitInput(client, collaborationId, 'salary,age\n1000.5,30\n2000.25,41\n-3,7\n', {
      onProgress: (stage) => stages.push(stage),
      pinnedServerKeys: pins(),
    });
    expect(input.status).toBe('COMPLETE');
    expect(state.rowCounts).toEqual([3]);
    expect(stages).toEqual([
      'sharing',
      'requesting-upload',
      'uploading',
      'uploading',
      'uploading',
      'completing',
      'done',
    ]);

    // Playing the servers: each opens only its own share, with the binding the client used.
    const columns = await Promise.all(
      (['A', 'B'] as const).map(async (party) => {
        const sealed = await readObject(storageLayout.inputShare(party, collaborationId, input.inputId));
        const plaintext = await open({
          privateKey: serverKeys[party].privateKey,
          sealed: sealed!,
          aad: inputShareAad(
            collaborationId,
            clientId,
            party,
            declarationDigest({
              spec: { fields: collaboration.inputSchema.fields, analyses: collaboration.analyses },
              minParticipants: collaboration.minParticipants,
              resultRecipients: 'all-participants',
            }),
          ),
        });
        return decodeInputShare(party, plaintext, fields).columns;
      }),
    );
    const [a, b] = columns as [BigUint64Array[], BigUint64Array[]];
    expect([...add(a[0]!, b[0]!)]).toEqual([30n, 41n, 7n]);
    expect([...add(a[1]!, b[1]!)]).toEqual([1000.5, 2000.25, -3].map((x) => encodeFixed(x, 8)));
    // B's share alone is not the data.
    expect([...b[0]!]).not.toEqual([30n, 41n, 7n]);
  });

  it('opens and adds the result shares sealed to the stored key', async () => {
    const client = newClient();
    const keys = new KeyStore(home);
    await expect(
      fetchResult(client, keys, collaborationId, { pinnedServerKeys: pins() }),
    ).rejects.toBeInstanceOf(ResultNotReadyError);

    // Playing the servers at the end of the job: result words [count, sum low, sum high] split in two
    // random shares (a sum is a Z_2^128 slot, low limb first), then the two dropped-row counts (none here).
    const words = ringVector(5);
    words[0] = 3n;
    words[1] = encodeFixed(2997.75, 8);
    const shareA = new BigUint64Array(new Uint8Array(randomBytes(40)).buffer);
    const shareB = sub(words, shareA);
    // The sum slot is split in Z_2^128: B's high limb takes the borrow of the low one.
    const wideB = BigInt.asUintN(128, encodeFixed(2997.75, 8) - (shareA[1]! + (shareA[2]! << 64n)));
    shareB[1] = BigInt.asUintN(64, wideB);
    shareB[2] = wideB >> 64n;
    const shares = { A: shareA, B: shareB };
    for (const party of ['A', 'B'] as const) {
      const sealed = await seal({
        recipientPublicKey: state.resultPublicKey!,
        // Auth mode with the server's key, as the servers seal.
        senderPrivateKey: serverKeys[party].privateKey,
        plaintext: encodeResultShare(shares[party]),
        aad: resultShareAad(collaborationId, jobId, party, clientId),
      });
      await s3Client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: storageLayout.resultShare(party, collaborationId, clientId),
          Body: sealed,
        }),
      );
    }
    state.resultsReady = true;

    expect(await fetchResult(client, keys, collaborationId, { pinnedServerKeys: pins() })).toEqual([
      { kind: 'count', count: 3, value: 3 },
      { kind: 'sum', field: 'salary', value: 2997.75 },
    ]);
    // Shares bound to another job do not open.
    state.resultJobId = 'job-2';
    await expect(fetchResult(client, keys, collaborationId, { pinnedServerKeys: pins() })).rejects.toThrow(
      /does not open/,
    );
    // A share that is not sealed by the pinned server key does not open either.
    state.resultJobId = jobId;
    await expect(
      fetchResult(client, keys, collaborationId, {
        pinnedServerKeys: { A: serverKeys.B.publicKey, B: serverKeys.A.publicKey },
      }),
    ).rejects.toThrow(/does not open/);
  });
});
