import { readFileSync } from 'node:fs';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { documents } from '../../../lambdas/composition-root.ts';
import { DynamoDbCollaborationRepository } from '../../../lambdas/adapters/dynamodb/dynamodb-collaboration-repository.ts';
import { describeOperations, type OperationDescription } from '../../../lambdas/http/openapi-schemas.ts';
import type { OpenApiDocument } from '../../../contract/openapi/openapi-types.ts';
import { PARTIES } from '../../../lambdas/domain/input.ts';
import { localS3Client } from '../../../local/emulators/local-clients.ts';
import { storageLayout } from '../../../contract/storage/storage-layout.ts';
import { startLocalSystem, type LocalSystem } from '../../../local/runtime/ephemeral-system.ts';
import { OpenApiValidator } from '../../support/openapi-validator.ts';
import { apiClient } from './support/api-client.ts';
import { collaborationRequest, resultPublicKey, sha256 } from './support/fixtures.ts';
import { arbitraryFor } from './support/schema-arbitrary.ts';

const REQUESTS = 2000;
/** FC_SEED (see test/support/fast-check-seed.ts) repeats a run; without it each run explores new requests. */
const fuzzSeed = (): number => fc.readConfigureGlobal().seed ?? Date.now() % 2 ** 31;
const CONCURRENCY = 8;
const document = parse(
  readFileSync(new URL('../../../openapi.yml', import.meta.url), 'utf8'),
) as OpenApiDocument;
const schemas = document.components.schemas;
const operations = describeOperations(document);
const validator = new OpenApiValidator(document);

let system: LocalSystem;
let call: ReturnType<typeof apiClient>;
const known = { collaborationIds: [] as string[], inputIds: [] as string[] };

/**
 * Existing data the fuzzer must not disturb: collaborations in every state a rejected request could touch,
 * with participants and inputs. The fuzzing callers own none of them; "fuzz-participant" has joined one.
 */
async function seedTable(): Promise<void> {
  const repository = new DynamoDbCollaborationRepository(system.container.get(documents), system.tableName);
  const create = async (owner: string) =>
    (await call(owner, 'POST', '/v1/collaborations', { body: collaborationRequest() })).body
      .collaborationId as string;
  const computing = await create('seed-owner');
  const cancelled = await create('seed-owner');
  for (const client of ['fuzz-participant', 'seed-participant'])
    await call(client, 'POST', `/v1/collaborations/${computing}/participants`, {
      body: { resultPublicKey: resultPublicKey() },
    });
  const bytes = Buffer.from('a sealed share');
  const declaration = { sizeBytes: bytes.length, sha256: sha256(bytes) };
  for (const client of ['fuzz-participant', 'seed-participant']) {
    const issued = await call(client, 'POST', `/v1/collaborations/${computing}/inputs`, {
      body: { shares: { A: declaration, B: declaration } },
    });
    known.inputIds.push(issued.body.inputId);
  }
  const s3 = localS3Client(system.s3Endpoint);
  for (const party of PARTIES)
    await s3.send(
      new PutObjectCommand({
        Bucket: system.serverInputBuckets[party],
        Key: storageLayout.inputShare(party, computing, known.inputIds[1] as string),
        Body: bytes,
      }),
    );
  await call(
    'seed-participant',
    'POST',
    `/v1/collaborations/${computing}/inputs/${known.inputIds[1]}/complete`,
  );
  await call('seed-owner', 'DELETE', `/v1/collaborations/${cancelled}`);
  await repository.transition(computing, 'OPEN', 'COMPUTING', new Date());
  known.collaborationIds.push(computing, cancelled);
}

async function tableItems(): Promise<Map<string, string>> {
  const items = new Map<string, string>();
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await system.container
      .get(documents)
      .send(new ScanCommand({ TableName: system.tableName, ConsistentRead: true, ExclusiveStartKey }));
    for (const item of page.Items ?? [])
      items.set(`${item.pk}|${item.sk}`, JSON.stringify(item, Object.keys(item).sort()));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

interface FuzzRequest {
  operation: OperationDescription;
  caller: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** A path segment the router still matches (no '/', no dot segments) but the API must reject or not find. */
const segment = (ids: () => string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ids()) },
    { weight: 2, arbitrary: fc.uuid({ version: 4 }) },
    {
      weight: 1,
      arbitrary: fc
        .string({ minLength: 1, maxLength: 40 })
        .filter((s) => !/[/%\\]/.test(s) && s !== '.' && s !== '..'),
    },
  );

/**
 * A generated value as a query string value. `String()` would throw on objects such as `{"toString": 0}`,
 * which fast-check generates on purpose.
 */
const queryText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function requestArbitrary(): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...operations).chain((operation) => {
    const queryParameters = operation.parameters.filter((p) => p.in === 'query');
    const query = fc.record(
      {
        ...Object.fromEntries(
          queryParameters.map((p) => [p.name, arbitraryFor(p.schema ?? {}, schemas, 2).map(queryText)]),
        ),
      },
      { requiredKeys: [] },
    );
    // Mostly well-formed bodies, so that requests get past validation into the use cases.
    const bodySchema = (wrongness: number) =>
      arbitraryFor(operation.requestBody?.schema ?? {}, schemas, wrongness).map((v) => JSON.stringify(v));
    const bodyText = operation.requestBody
      ? fc.oneof(
          { weight: 4, arbitrary: bodySchema(0) },
          { weight: 4, arbitrary: bodySchema(1) },
          { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
          { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
        )
      : fc.constant(undefined);
    return fc
      .record({
        operation: fc.constant(operation),
        caller: fc.constantFrom('fuzzer', 'fuzz-participant'),
        collaborationId: segment(() => known.collaborationIds),
        inputId: segment(() => known.inputIds),
        query,
        // Rarely an undeclared query parameter (always a 400).
        unexpectedQuery: fc.oneof(
          { weight: 12, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
        ),
        bodyText: fc.option(bodyText, { freq: 8 }),
        idempotencyKey: fc.option(
          fc.oneof(
            fc.stringMatching(/^[!-~]{1,40}$/),
            fc.string({ maxLength: 10 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
          ),
          { freq: 2 },
        ),
        contentType: fc.oneof(
          { weight: 6, arbitrary: fc.constant('application/json') },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              'application/problem+json',
              'text/plain',
              'application/x-www-form-urlencoded',
              '',
            ),
          },
        ),
      })
      .map((drawn) => {
        const path = operation.pathTemplate
          .replace('{collaborationId}', encodeURIComponent(drawn.collaborationId))
          .replace('{inputId}', encodeURIComponent(drawn.inputId));
        const parameters = { ...(drawn.query as Record<string, string>) };
        if (drawn.unexpectedQuery !== null) parameters.unexpected = drawn.unexpectedQuery;
        const search = new URLSearchParams(parameters).toString();
        const headers: Record<string, string> = {};
        if (drawn.idempotencyKey !== null) headers['idempotency-key'] = drawn.idempotencyKey;
        const sendsBody =
          operation.method === 'POST' && drawn.bodyText !== null && drawn.bodyText !== undefined;
        if (sendsBody && drawn.contentType) headers['content-type'] = drawn.contentType;
        return {
          operation,
          caller: drawn.caller,
          path: `${path}${search ? `?${search}` : ''}`,
          headers,
          ...(sendsBody ? { body: drawn.bodyText as string } : {}),
        };
      });
  });
}

beforeAll(async () => {
  // The handlers also check their own answers against the spec (besides the checks of every test call).
  process.env.MPC_VALIDATE_RESPONSES = 'true';
  system = await startLocalSystem();
  call = apiClient(system);
  await seedTable();
});
afterAll(async () => system?.stop());

describe('schema-driven fuzzing', () => {
  it(`${REQUESTS} generated requests: no 5xx, every error problem+json per the spec, existing data untouched`, async () => {
    const seed = fuzzSeed();
    console.log(`fuzz seed ${seed} (FC_SEED=${seed} repeats this run)`);
    const requests = fc.sample(requestArbitrary(), { numRuns: REQUESTS, seed });
    const before = await tableItems();
    const tokens = {
      fuzzer: await system.tokenFor('fuzzer'),
      'fuzz-participant': await system.tokenFor('fuzz-participant'),
    };
    const failures: string[] = [];
    const created = new Set<string>();
    const statuses = new Map<number, number>();

    const send = async (request: FuzzRequest) => {
      const response = await fetch(`${system.apiUrl}${request.path}`, {
        method: request.operation.method,
        headers: {
          ...request.headers,
          authorization: `Bearer ${tokens[request.caller as keyof typeof tokens]}`,
        },
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      const bodyText = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const where = `${request.operation.method} ${request.path} ${JSON.stringify(request.headers)} ${request.body ?? ''} -> ${response.status} ${bodyText}`;
      const problems = validator.violations({
        method: request.operation.method,
        path: request.path.split('?')[0] as string,
        status: response.status,
        headers: response.headers,
        bodyText,
      });
      if (response.status >= 500) problems.push('server error');
      if (response.status >= 400) {
        const problem = JSON.parse(bodyText) as { type?: string; requestId?: string };
        if (response.headers.get('content-type') !== 'application/problem+json')
          problems.push('not problem+json');
        if (problem.requestId !== response.headers.get('x-request-id'))
          problems.push('requestId differs from x-request-id');
      }
      if (response.status === 201 && request.operation.operationId === 'createCollaboration')
        created.add((JSON.parse(bodyText) as { collaborationId: string }).collaborationId);
      if (problems.length > 0) failures.push(`${problems.join(', ')}: ${where}`);
    };
    for (let i = 0; i < requests.length; i += CONCURRENCY)
      await Promise.all(requests.slice(i, i + CONCURRENCY).map(send));

    expect(failures.slice(0, 5), `seed ${seed}`).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(REQUESTS);
    console.log(`fuzz statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);

    // Rejected requests changed nothing: every earlier item is intact, and the only new items are the
    // collaborations the fuzzer did create (and the answers stored for their Idempotency-Keys).
    const after = await tableItems();
    for (const [key, item] of before) expect(after.get(key), key).toBe(item);
    for (const [key, item] of after) {
      if (before.has(key)) continue;
      const parsed = JSON.parse(item) as { entity: string; collaborationId?: string; state?: string };
      const expected =
        (parsed.entity === 'COLLABORATION' && created.has(parsed.collaborationId ?? '')) ||
        (parsed.entity === 'IDEMPOTENCY' && parsed.state === 'COMPLETE');
      expect(expected, `unexpected new item ${item}`).toBe(true);
    }
  });
});
