import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { documents } from '../lambdas/composition-root.ts';
import { DynamoDbCollaborationRepository } from '../lambdas/adapters/dynamodb/dynamodb-collaboration-repository.ts';
import { startLocalSystem } from '../local/runtime/ephemeral-system.ts';

/**
 * p50/p99 latency of every coordinator operation through the local HTTP adapter (API Gateway event, JWT
 * check, middy handler, DynamoDB Local, s3rver), one request at a time. `npm run bench:api`; BENCH_N sets
 * the requests per operation (default 200).
 */
const N = Number(process.env.BENCH_N ?? 200);
const system = await startLocalSystem({ log: () => undefined });
const tokens = new Map<string, string>();
const token = async (clientId: string) => {
  if (!tokens.has(clientId)) tokens.set(clientId, await system.tokenFor(clientId));
  return tokens.get(clientId) as string;
};

async function request(clientId: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${system.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await token(clientId)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 300 && response.status !== 202)
    throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const results: { operation: string; p50: number; p99: number; max: number }[] = [];

/** Times `run(i)` for i < N after `prepare(i)` (untimed) and records the percentiles. */
async function measure(
  operation: string,
  run: (i: number) => Promise<unknown>,
  prepare?: (i: number) => Promise<unknown>,
) {
  const samples = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    await prepare?.(i);
    const start = performance.now();
    await run(i);
    samples[i] = performance.now() - start;
  }
  samples.sort();
  const at = (q: number) => samples[Math.min(N - 1, Math.floor(q * N))] as number;
  results.push({ operation, p50: at(0.5), p99: at(0.99), max: samples[N - 1] as number });
}

const declaration = (bytes: Buffer) => ({
  sizeBytes: bytes.length,
  sha256: createHash('sha256').update(bytes).digest('base64'),
});
const collaboration = () => ({
  name: 'Bench',
  analyses: [{ kind: 'count' }, { kind: 'mean', field: 'x' }],
  inputSchema: { fields: [{ name: 'x', type: 'int', min: 0, max: 1000 }] },
  minParticipants: 1,
  maxParticipants: 1000,
  inputDeadline: new Date(Date.now() + 3600_000).toISOString(),
  resultRecipients: 'all-participants',
});

try {
  const participants = Array.from({ length: N }, (_, i) => `bench-${i}`);
  for (const client of ['bench-owner', ...participants]) await token(client);
  // Warm up: every handler module loaded and every Ajv validator compiled once, as in a warm container.
  const warm = await request('bench-owner', 'POST', '/v1/collaborations', collaboration());
  await request('bench-owner', 'GET', `/v1/collaborations/${warm.collaborationId}`);

  await measure('getHealth', () => fetch(`${system.apiUrl}/v1/health`).then((r) => r.text()));
  await measure('listComputationServers', () => request('bench-owner', 'GET', '/v1/computation-servers'));
  const created: string[] = [];
  await measure('createCollaboration', async () =>
    created.push(
      (await request('bench-owner', 'POST', '/v1/collaborations', collaboration())).collaborationId,
    ),
  );
  await measure('listCollaborations', () => request('bench-owner', 'GET', '/v1/collaborations?limit=20'));
  const id = created[0] as string;
  await measure('getCollaboration', () => request('bench-owner', 'GET', `/v1/collaborations/${id}`));
  await measure('joinCollaboration', (i) =>
    request(participants[i] as string, 'POST', `/v1/collaborations/${id}/participants`, {
      resultPublicKey: Buffer.alloc(32, i % 256).toString('base64url'),
    }),
  );
  await measure('getMyParticipation', (i) =>
    request(participants[i] as string, 'GET', `/v1/collaborations/${id}/participants/me`),
  );
  const share = Buffer.alloc(1024, 7);
  const inputs: {
    inputId: string;
    uploads: Record<'A' | 'B', { url: string; headers: Record<string, string> }>;
  }[] = [];
  await measure('createInput', async (i) =>
    inputs.push(
      await request(participants[i] as string, 'POST', `/v1/collaborations/${id}/inputs`, {
        shares: { A: declaration(share), B: declaration(share) },
      }),
    ),
  );
  await measure(
    'completeInput',
    (i) =>
      request(
        participants[i] as string,
        'POST',
        `/v1/collaborations/${id}/inputs/${inputs[i]?.inputId}/complete`,
      ),
    async (i) => {
      for (const party of ['A', 'B'] as const) {
        const upload = inputs[i]?.uploads[party];
        await fetch(upload!.url, { method: 'PUT', headers: upload!.headers, body: share });
      }
    },
  );
  await measure('getResult (202 pending)', (i) =>
    request(participants[i] as string, 'GET', `/v1/collaborations/${id}/result`),
  );
  const repository = new DynamoDbCollaborationRepository(system.container.get(documents), system.tableName);
  await repository.transition(id, 'OPEN', 'COMPUTING', new Date());
  await repository.transition(id, 'COMPUTING', 'RESULT_READY', new Date());
  await measure('getResult (200 ready)', (i) =>
    request(participants[i] as string, 'GET', `/v1/collaborations/${id}/result`),
  );
  await measure('finishParticipation', (i) =>
    request(participants[i] as string, 'POST', `/v1/collaborations/${id}/participants/me/finish`),
  );
  await measure('cancelCollaboration', (i) =>
    request('bench-owner', 'DELETE', `/v1/collaborations/${created[i + 1] ?? warm.collaborationId}`),
  );

  console.log(`Coordinator latency through the local adapter, ${N} sequential requests per operation (ms)`);
  console.log(`${'operation'.padEnd(26)} ${'p50'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)}`);
  for (const r of results)
    console.log(
      `${r.operation.padEnd(26)} ${r.p50.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)} ${r.max.toFixed(1).padStart(7)}`,
    );
} finally {
  await system.stop();
}
