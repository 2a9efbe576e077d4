import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createWorkflowMetrics,
  failedDeliveries,
} from '../../../../lambdas/handlers/workflow/workflow-metrics.ts';

afterEach(() => vi.restoreAllMocks());

describe('workflow step metrics', () => {
  it('reads failed deliveries from notify and failure answers', () => {
    expect(failedDeliveries({ delivered: 2, failed: 1, skipped: 0 })).toBe(1);
    expect(failedDeliveries({ status: 'FAILED', notified: { delivered: 0, failed: 3, skipped: 0 } })).toBe(3);
    expect(failedDeliveries({ jobId: 'j' })).toBe(0);
    expect(failedDeliveries(undefined)).toBe(0);
  });

  it('emits CloudWatch EMF with the step and outcome as dimensions, and the alarm counts', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const metrics = createWorkflowMetrics({
      POWERTOOLS_METRICS_DISABLED: 'false',
      POWERTOOLS_METRICS_NAMESPACE: 'Test',
    });
    metrics.record('RecordAttemptFailure', 'ok', 12, { retryable: true, reason: 'PEER_LOST: x' });
    metrics.record('NotifyParticipants', 'ok', 30, { delivered: 1, failed: 2, skipped: 0 });
    const emitted = lines
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(emitted[0]).toMatchObject({
      step: 'RecordAttemptFailure',
      outcome: 'ok',
      workflowSteps: 1,
      attemptsFailed: 1,
    });
    expect(emitted[1]).toMatchObject({ step: 'NotifyParticipants', webhookDeliveriesFailed: 2 });
    expect(JSON.stringify(emitted[0])).toContain('"Namespace":"Test"');
  });

  it('counts a failed collaboration only when MarkFailed did fail it (not cancelled, not past its result)', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const metrics = createWorkflowMetrics({ POWERTOOLS_METRICS_DISABLED: 'false' });
    metrics.record('MarkFailed', 'ok', 10, { status: 'FAILED', reason: 'PEER_LOST: x' });
    metrics.record('MarkFailed', 'ok', 10, { status: undefined, reason: 'States.TaskFailed: x' });
    metrics.record('MarkFailed', 'ok', 10);
    const counted = lines
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .map((record) => record.collaborationsFailed);
    expect(counted).toEqual([1, undefined, undefined]);
  });

  it('stays off outside Lambda unless asked, so stdout keeps only what the local runtime prints', () => {
    const write = vi.spyOn(process.stdout, 'write');
    createWorkflowMetrics({}).record('CheckJob', 'ok', 5, {});
    createWorkflowMetrics({
      AWS_LAMBDA_FUNCTION_NAME: 'CheckJob',
      POWERTOOLS_METRICS_DISABLED: 'true',
    }).record('CheckJob', 'ok', 5, {});
    expect(write).not.toHaveBeenCalled();
  });
});
