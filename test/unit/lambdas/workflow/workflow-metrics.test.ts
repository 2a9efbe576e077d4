import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createWorkflowMetrics,
  failedDeliveries,
  type WorkflowMetrics,
} from '../../../../lambdas/handlers/workflow/workflow-metrics.ts';

afterEach(() => vi.restoreAllMocks());

/** The EMF records one invocation publishes, with `run` recording inside it as a step does. */
async function publishedBy(metrics: WorkflowMetrics, run: () => void): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n'));
    return true;
  });
  try {
    await middy()
      .use(metrics.middlewares)
      .handler(async () => run())({}, {} as Context);
  } finally {
    write.mockRestore();
  }
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('workflow step metrics', () => {
  it('reads failed deliveries from notify and failure answers', () => {
    expect(failedDeliveries({ delivered: 2, failed: 1, skipped: 0 })).toBe(1);
    expect(failedDeliveries({ status: 'FAILED', notified: { delivered: 0, failed: 3, skipped: 0 } })).toBe(3);
    expect(failedDeliveries({ jobId: 'j' })).toBe(0);
    expect(failedDeliveries(undefined)).toBe(0);
  });

  it('emits CloudWatch EMF with the step and outcome as dimensions, and the alarm counts', async () => {
    const metrics = createWorkflowMetrics({
      POWERTOOLS_METRICS_DISABLED: 'false',
      POWERTOOLS_METRICS_NAMESPACE: 'Test',
    });
    const [failedAttempt] = await publishedBy(metrics, () =>
      metrics.record('RecordAttemptFailure', 'ok', 12, { retryable: true, reason: 'PEER_LOST: x' }),
    );
    const [notified] = await publishedBy(metrics, () =>
      metrics.record('NotifyParticipants', 'ok', 30, { delivered: 1, failed: 2, skipped: 0 }),
    );
    expect(failedAttempt).toMatchObject({
      step: 'RecordAttemptFailure',
      outcome: 'ok',
      workflowSteps: 1,
      attemptsFailed: 1,
    });
    expect(notified).toMatchObject({ step: 'NotifyParticipants', webhookDeliveriesFailed: 2 });
    expect(JSON.stringify(failedAttempt)).toContain('"Namespace":"Test"');
  });

  it('counts a failed collaboration only when MarkFailed did fail it (not cancelled, not past its result)', async () => {
    const metrics = createWorkflowMetrics({ POWERTOOLS_METRICS_DISABLED: 'false' });
    const counted = [];
    for (const result of [{ status: 'FAILED', reason: 'PEER_LOST: x' }, { status: undefined }, undefined]) {
      const records = await publishedBy(metrics, () => metrics.record('MarkFailed', 'ok', 10, result));
      counted.push(records.map((record) => record.collaborationsFailed));
    }
    expect(counted).toEqual([[1], [undefined], [undefined]]);
  });

  it('stays off outside Lambda unless asked, so stdout keeps only what the local runtime prints', () => {
    const write = vi.spyOn(process.stdout, 'write');
    const off = createWorkflowMetrics({});
    off.record('CheckJob', 'ok', 5, {});
    const disabled = createWorkflowMetrics({
      AWS_LAMBDA_FUNCTION_NAME: 'CheckJob',
      POWERTOOLS_METRICS_DISABLED: 'true',
    });
    disabled.record('CheckJob', 'ok', 5, {});
    expect(write).not.toHaveBeenCalled();
    expect([...off.middlewares, ...disabled.middlewares]).toEqual([]);
  });
});
