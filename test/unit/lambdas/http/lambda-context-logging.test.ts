import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as contracts from '../../../../contract/generated/operation-contracts.generated.ts';
import { httpOperation } from '../../../../lambdas/http/http-operation.ts';

const TRACE_ROOT = '1-5759e988-bd862e3fe1be46a994272793';

// Read by Powertools when the logger module loads, so set before the imports run.
vi.hoisted(() => {
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
  vi.stubEnv(
    '_X_AMZN_TRACE_ID',
    'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0',
  );
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'DEBUG');
  // The event must stay out of the logs even when this asks for it: it carries the bearer token.
  vi.stubEnv('POWERTOOLS_LOGGER_LOG_EVENT', 'true');
  vi.stubEnv('POWERTOOLS_DEV', '');
});
afterAll(() => vi.unstubAllEnvs());

/** Every JSON log line written to stdout while `run` runs (EMF records left out). */
async function logLinesOf(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(...String(chunk).split('\n'));
    return true;
  });
  try {
    await run();
  } finally {
    write.mockRestore();
  }
  return lines
    .filter((line) => line.startsWith('{') && !line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const collaborationId = '00000000-0000-4000-8000-000000000001';

function event(requestId: string) {
  return {
    rawPath: `/v1/collaborations/${collaborationId}`,
    headers: { authorization: 'Bearer secret-access-token' },
    pathParameters: { collaborationId },
    isBase64Encoded: false,
    requestContext: {
      requestId,
      authorizer: { jwt: { claims: { client_id: 'client-1' }, scopes: [] } },
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

function lambdaContext(awsRequestId: string): Context {
  return {
    functionName: 'mpc-getCollaboration',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:mpc-getCollaboration',
    memoryLimitInMB: '512',
    awsRequestId,
  } as Context;
}

describe('API handler logs with the Lambda context (Powertools injectLambdaContext)', () => {
  it('carries cold_start, function_request_id and xray_trace_id beside requestId and collaborationId', async () => {
    const handler = httpOperation(contracts.getCollaboration, async (request) => {
      request.logger.info('use case ran');
      return { statusCode: 200, body: {} };
    });
    const first = await logLinesOf(() => handler(event('api-req-1'), lambdaContext('lambda-req-1')));
    const second = await logLinesOf(() => handler(event('api-req-2'), lambdaContext('lambda-req-2')));

    const ran = (lines: Record<string, unknown>[]) => lines.find((line) => line.message === 'use case ran');
    expect(ran(first)).toMatchObject({
      cold_start: true,
      function_request_id: 'lambda-req-1',
      function_name: 'mpc-getCollaboration',
      xray_trace_id: TRACE_ROOT,
      service: 'mpc-coordinator',
      requestId: 'api-req-1',
      operationId: 'getCollaboration',
      collaborationId,
    });
    // A warm invocation: only the container's first is a cold start, for every line of the request.
    expect(second.length).toBeGreaterThan(1);
    for (const line of second) {
      expect(line).toMatchObject({
        cold_start: false,
        function_request_id: 'lambda-req-2',
        requestId: 'api-req-2',
      });
    }
    expect(second.find((line) => line.message === 'answered')).toMatchObject({ statusCode: 200 });
    expect(JSON.stringify([...first, ...second])).not.toContain('secret-access-token');
  });
  it('keeps the Lambda context of each of two concurrent invocations, as the local runtime makes them', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handler = httpOperation(contracts.getCollaboration, async (request) => {
      await gate;
      request.logger.info('use case ran');
      return { statusCode: 200, body: {} };
    });
    const lines = await logLinesOf(async () => {
      const both = Promise.all([
        handler(event('api-req-a'), lambdaContext('lambda-req-a')),
        handler(event('api-req-b'), lambdaContext('lambda-req-b')),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      release();
      await both;
    });
    const ran = lines.filter((line) => line.message === 'use case ran');
    expect(ran.map((line) => [line.requestId, line.function_request_id]).sort()).toEqual([
      ['api-req-a', 'lambda-req-a'],
      ['api-req-b', 'lambda-req-b'],
    ]);
  });
});
