import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../../../lambdas/domain/errors.ts';
import { httpOperation } from '../../../../lambdas/http/http-operation.ts';
import * as contracts from '../../../../contract/generated/operation-contracts.generated.ts';
import { createRequestMetrics } from '../../../../lambdas/http/request-metrics.ts';

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
    const [record] = await emfWrittenBy(() => metrics.record('getHealth', 204, 1.5));
    expect(record?._aws.CloudWatchMetrics[0]?.Namespace).toBe('Other');
    expect(record).toMatchObject({ operation: 'getHealth', outcome: '2xx', requests: 1, latency: 1.5 });
  });

  it('writes nothing outside Lambda unless POWERTOOLS_METRICS_DISABLED asks for metrics', async () => {
    expect(await emfWrittenBy(() => createRequestMetrics({}).record('getHealth', 200, 1))).toEqual([]);
    const asked = createRequestMetrics({ POWERTOOLS_METRICS_DISABLED: 'false' });
    expect(await emfWrittenBy(() => asked.record('getHealth', 200, 1))).toHaveLength(1);
    const disabled = createRequestMetrics({ POWERTOOLS_METRICS_DISABLED: 'true' });
    expect(await emfWrittenBy(() => disabled.record('getHealth', 200, 1))).toEqual([]);
  });
});
