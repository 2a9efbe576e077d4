import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandler } from '../../../../lambdas/http/http-operation.ts';
import { repoPaths } from '../../../../lib/config/repo-paths.ts';
import { lambdaBuildOptions } from '../../../../scripts/lambda-build-options.ts';
import { collaborationRequest } from '../../../integration/api/support/fixtures.ts';

/**
 * The handlers as esbuild bundles them for Lambda answer refused requests exactly as the handlers run from
 * source do: the precompiled checks (and their CommonJS helpers) work inside a bundle, and the bundle carries
 * no Ajv compiler. Refusals need no AWS call, so this runs without emulators.
 */
const OPERATIONS = ['getCollaboration', 'createCollaboration'] as const;
const directory = mkdtempSync(path.join(tmpdir(), 'bundled-handlers-'));
const bundledInputs = new Map<string, string[]>();
const includedInputs = new Map<string, string[]>();
const handlers = new Map<string, { bundled: ApiHandler; source: ApiHandler }>();

async function bundle(operationId: string, name: string) {
  const outfile = path.join(directory, name, 'index.mjs');
  const result = await build({
    ...lambdaBuildOptions(repoPaths.operationHandler(operationId), outfile),
    metafile: true,
  });
  const { handler } = (await import(pathToFileURL(outfile).href)) as { handler: ApiHandler };
  // Modules with code in the output: metafile.inputs also lists modules esbuild read and shook out.
  const output = Object.values(result.metafile.outputs).find((candidate) => candidate.entryPoint);
  const included = Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([input]) => input);
  return { handler, inputs: Object.keys(result.metafile.inputs), included };
}

beforeAll(async () => {
  for (const operationId of OPERATIONS) {
    const { handler: bundled, inputs, included } = await bundle(operationId, operationId);
    bundledInputs.set(operationId, inputs);
    includedInputs.set(operationId, included);
    const source = ((await import(repoPaths.operationHandler(operationId))) as { handler: ApiHandler })
      .handler;
    handlers.set(operationId, { bundled, source });
  }
}, 60_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

function event(pathParameters: Record<string, string>, body?: unknown) {
  return {
    rawPath: '/v1/collaborations',
    headers: { 'content-type': 'application/json' },
    pathParameters,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    isBase64Encoded: false,
    requestContext: {
      requestId: 'req-bundled',
      authorizer: { jwt: { claims: { client_id: 'client-1' }, scopes: [] } },
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

/** Both answers to the same request; each gets its own copy (parameter checks coerce in place). */
async function answers(operationId: string, request: () => APIGatewayProxyEventV2WithJWTAuthorizer) {
  const pair = handlers.get(operationId);
  if (!pair) throw new Error(`${operationId} was not bundled`);
  const context = {} as Context;
  return { bundled: await pair.bundled(request(), context), source: await pair.source(request(), context) };
}

describe('bundled handlers', () => {
  it('carry the precompiled checks, not the Ajv compiler nor the spec document', () => {
    for (const operationId of OPERATIONS) {
      const inputs = bundledInputs.get(operationId) ?? [];
      expect(inputs.some((input) => input.includes('schema-checks.generated.ts'))).toBe(true);
      expect(inputs.filter((input) => /ajv\/dist\/(core|2020|compile)/.test(input))).toEqual([]);
      expect(inputs.some((input) => input.includes('openapi-document.generated.ts'))).toBe(false);
      expect(inputs.some((input) => input.includes('response-contracts.generated.ts'))).toBe(false);
    }
  });

  it('carry only the workflow adapters their hook touches (creating starts an execution, deletes nothing)', () => {
    const inputs = includedInputs.get('createCollaboration') ?? [];
    expect(inputs.some((input) => input.includes('step-functions-workflow.ts'))).toBe(true);
    expect(inputs.some((input) => input.includes('eventbridge-status-publisher.ts'))).toBe(true);
    expect(
      inputs.filter((input) =>
        /s3-object-store|http-webhook-notifier|dynamodb-workflow-repository|client-s3\//.test(input),
      ),
    ).toEqual([]);
  });

  it('refuse a bad path parameter (format uuid) exactly as from source', async () => {
    const { bundled, source } = await answers('getCollaboration', () => event({ collaborationId: 'nope' }));
    expect(bundled.statusCode).toBe(400);
    expect(bundled).toEqual(source);
    expect(JSON.parse(String(bundled.body)).errors).toContainEqual({
      path: 'path.collaborationId',
      message: 'must match format "uuid"',
    });
  });

  it('refuse a body off the contract (formats, enums, lengths, unknown fields) exactly as from source', async () => {
    const body = collaborationRequest({
      name: '',
      inputDeadline: 'tomorrow',
      resultRecipients: 'everyone',
      surplus: true,
    });
    const { bundled, source } = await answers('createCollaboration', () => event({}, body));
    expect(bundled.statusCode).toBe(400);
    expect(bundled).toEqual(source);
    const paths = (JSON.parse(String(bundled.body)).errors as { path: string }[]).map((error) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/name', '/inputDeadline', '/resultRecipients', '/surplus']),
    );
  });

  it('sign with the role credentials Lambda puts in the environment and reach the endpoint AWS_ENDPOINT_URL names', async () => {
    const { handler } = await bundle('getCollaboration', 'getCollaboration-env-credentials');
    const seen: IncomingHttpHeaders[] = [];
    const dynamo = createServer((request, response) => {
      seen.push(request.headers);
      request.resume().on('end', () => {
        response.setHeader('content-type', 'application/x-amz-json-1.0');
        response.end('{}'); // GetItem: no such item
      });
    });
    await new Promise<void>((resolve) => dynamo.listen(0, '127.0.0.1', resolve));
    const serverKey = (id: string) => ({
      id,
      publicKey: randomBytes(32).toString('base64url'),
      kem: 'DHKEM-X25519-HKDF-SHA256',
      kdf: 'HKDF-SHA256',
      aead: 'AES-128-GCM',
    });
    const environment: Record<string, string> = {
      AWS_ENDPOINT_URL: `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`,
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIDBUNDLETEST',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SESSION_TOKEN: 'session-token',
      TABLE_NAME: 'table',
      INPUT_BUCKET: 'inputs',
      RESULT_BUCKET: 'results',
      MPC_SERVER_KEYS: JSON.stringify([serverKey('A'), serverKey('B')]),
    };
    const saved = Object.fromEntries(Object.keys(environment).map((name) => [name, process.env[name]]));
    Object.assign(process.env, environment);
    try {
      const collaborationId = '00000000-0000-4000-8000-000000000001';
      const response = await handler(event({ collaborationId }), {} as Context);
      expect(response.statusCode).toBe(404);
      expect(seen).toHaveLength(1);
      expect(seen[0]?.['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
      expect(seen[0]?.authorization).toContain('Credential=AKIDBUNDLETEST/');
      expect(seen[0]?.['x-amz-security-token']).toBe('session-token');
    } finally {
      for (const [name, value] of Object.entries(saved))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      await new Promise((resolve) => dynamo.close(resolve));
    }
  });
});
