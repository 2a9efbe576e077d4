import middy from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../../../lambdas/domain/errors.ts';
import { httpOperation } from '../../../../lambdas/http/http-operation.ts';
import * as contracts from '../../../../contract/generated/operation-contracts.generated.ts';
import { createRequestMetrics, type RequestMetrics } from '../../../../lambdas/http/request-metrics.ts';
import type { IdempotencyStore } from '../../../../lambdas/ports/idempotency-store.ts';

interface EmfRecord {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
  [key: string]: unknown;
}

/** Every EMF record written to stdout while `run` runs. */
async function emfWrittenBy(run: () => Promise<unknown> | void): Promise<EmfRecord[]> {
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
  return lines.filter((line) => line.includes('"_aws"')).map((line) => JSON.parse(line) as EmfRecord);
}

function event(withCaller: boolean) {
  return {
    rawPath: '/v1/collaborations/00000000-0000-4000-8000-000000000001',
    headers: {},
    pathParameters: { collaborationId: '00000000-0000-4000-8000-000000000001' },
    isBase64Encoded: false,
    requestContext: {
      requestId: `req-${Math.random()}`,
      authorizer: { jwt: { claims: withCaller ? { client_id: 'client-1' } : {}, scopes: [] } },
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

const context = {} as Context;

/** One invocation of a handler with only the metrics' middlewares, answering `statusCode`. */
function invoke(metrics: RequestMetrics, statusCode: number, lambdaContext: Partial<Context> = {}) {
  const handler = middy<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2>()
    .use(metrics.middlewares('getHealth'))
    .handler(async () => ({ statusCode }));
  return handler(event(false), lambdaContext as Context);
}

describe('request metrics (Powertools EMF)', () => {
  beforeEach(() => {
    // As in Lambda: the handlers' metrics are on.
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'metrics-test';
    delete process.env.POWERTOOLS_METRICS_NAMESPACE;
  });
  afterEach(() => {
    delete process.env.AWS_LAMBDA_FUNCTION_NAME;
  });

  it('flushes one record per invocation: a count by operation and outcome class, and the latency', async () => {
    const statuses = [200, 403, 500];
    const handler = httpOperation(contracts.getCollaboration, async () => {
      const status = statuses.shift();
      if (status === 403) throw new DomainError('forbidden', 'not yours');
      if (status === 500) throw new Error('broken');
      return { statusCode: 200, body: {} };
    });
    const records = await emfWrittenBy(async () => {
      for (let i = 0; i < 3; i++) await handler(event(true), context);
      await handler(event(false), context); // refused before the use case: 401
    });
    expect(records).toHaveLength(4);
    expect(records.map((record) => record.outcome)).toEqual(['2xx', '4xx', '5xx', '4xx']);
    for (const record of records) {
      const [directive] = record._aws.CloudWatchMetrics;
      expect(directive?.Namespace).toBe('MpcCoordinator');
      expect(directive?.Dimensions[0]).toEqual(expect.arrayContaining(['operation', 'outcome']));
      expect(directive?.Metrics.map((metric) => metric.Name).sort()).toEqual(['latency', 'requests']);
      expect(record.operation).toBe('getCollaboration');
      expect(record.requests).toBe(1);
      expect(record.latency).toBeGreaterThanOrEqual(0);
    }
  });

  it('takes the namespace from POWERTOOLS_METRICS_NAMESPACE', async () => {
    const metrics = createRequestMetrics({
      AWS_LAMBDA_FUNCTION_NAME: 'f',
      POWERTOOLS_METRICS_NAMESPACE: 'Other',
    });
    const [record] = await emfWrittenBy(() => invoke(metrics, 204));
    expect(record?._aws.CloudWatchMetrics[0]?.Namespace).toBe('Other');
    expect(record).toMatchObject({ operation: 'getHealth', outcome: '2xx', requests: 1 });
  });

  it('writes nothing outside Lambda unless POWERTOOLS_METRICS_DISABLED asks for metrics', async () => {
    expect(await emfWrittenBy(() => invoke(createRequestMetrics({}), 200))).toEqual([]);
    const asked = createRequestMetrics({ POWERTOOLS_METRICS_DISABLED: 'false' });
    expect(await emfWrittenBy(() => invoke(asked, 200))).toHaveLength(1);
    const disabled = createRequestMetrics({ POWERTOOLS_METRICS_DISABLED: 'true' });
    expect(await emfWrittenBy(() => invoke(disabled, 200))).toEqual([]);
  });

  it("adds the ColdStart metric to a container's first invocation only", async () => {
    // Powertools counts a cold start only in on-demand environments, which Lambda marks so.
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    try {
      const metrics = createRequestMetrics({ AWS_LAMBDA_FUNCTION_NAME: 'getHealth' });
      const lambdaContext = { functionName: 'mpc-getHealth' };
      const first = await emfWrittenBy(() => invoke(metrics, 200, lambdaContext));
      const second = await emfWrittenBy(() => invoke(metrics, 200, lambdaContext));
      const names = (records: EmfRecord[]) =>
        records.map((record) =>
          record._aws.CloudWatchMetrics[0]?.Metrics.map((metric) => metric.Name).sort(),
        );
      expect(names(first)).toEqual([['ColdStart'], ['latency', 'requests']]);
      expect(first[0]).toMatchObject({
        ColdStart: 1,
        function_name: 'mpc-getHealth',
        service: 'mpc-coordinator',
      });
      expect(names(second)).toEqual([['latency', 'requests']]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('counts and publishes an idempotent replay like any other answer', async () => {
    const stored = { statusCode: 201, headers: { 'content-type': 'application/json' }, body: '{}' };
    const store: IdempotencyStore = {
      claim: async () => ({ kind: 'replay', response: stored }),
      complete: async () => {},
      release: async () => {},
    };
    const handler = httpOperation(contracts.joinCollaboration, async () => ({ statusCode: 201, body: {} }), {
      idempotencyStore: () => store,
    });
    const request = {
      ...event(true),
      rawPath: '/v1/collaborations/00000000-0000-4000-8000-000000000001/participants',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1' },
      body: JSON.stringify({ resultPublicKey: Buffer.alloc(32, 7).toString('base64url') }),
    } as APIGatewayProxyEventV2WithJWTAuthorizer;
    let response: APIGatewayProxyStructuredResultV2 | undefined;
    const records = await emfWrittenBy(async () => {
      response = await handler(request, context);
    });
    expect(response?.headers?.['idempotent-replayed']).toBe('true');
    expect(response?.headers?.['x-request-id']).toBe(request.requestContext.requestId);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ operation: 'joinCollaboration', outcome: '2xx', requests: 1 });
  });
});
