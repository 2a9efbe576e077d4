import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { workflowStep, type StepPayload } from '../../../../lambdas/handlers/workflow/workflow-step.ts';
import { METRICS_NAMESPACE, WORKFLOW_SERVICE_NAME } from '../../../../lib/config/metrics-names.ts';

// Read by Powertools when the logger module loads, so set before the imports run.
vi.hoisted(() => {
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
  vi.stubEnv(
    '_X_AMZN_TRACE_ID',
    'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
  );
  vi.stubEnv('POWERTOOLS_DEV', '');
});
// As deployed (lib/stacks/workflow-stack.ts): metrics on, the namespace and service the alarms name.
beforeAll(() => {
  vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'mpc-MarkFailed');
  vi.stubEnv('POWERTOOLS_SERVICE_NAME', WORKFLOW_SERVICE_NAME);
  vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', METRICS_NAMESPACE);
});
afterAll(() => vi.unstubAllEnvs());

interface Written {
  logs: Record<string, unknown>[];
  emf: Record<string, unknown>[];
}

/** The JSON lines written while `run` runs (errors go to stderr): log lines and EMF records apart. */
async function writtenBy(run: () => Promise<unknown>): Promise<Written> {
  const lines: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n'));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    await run();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const records = lines
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    logs: records.filter((record) => !('_aws' in record)),
    emf: records.filter((record) => '_aws' in record),
  };
}

const directive = (record: Record<string, unknown> | undefined) =>
  (record?._aws as { CloudWatchMetrics: { Namespace: string; Dimensions: string[][] }[] })
    .CloudWatchMetrics[0];

const lambdaContext = (awsRequestId: string) =>
  ({
    functionName: 'mpc-MarkFailed',
    functionVersion: '$LATEST',
    awsRequestId,
    memoryLimitInMB: '512',
  }) as Context;

const payload: StepPayload = { collaborationId: '00000000-0000-4000-8000-000000000002' };

describe('a workflow step invoked by Lambda', () => {
  const markFailed = workflowStep(
    'MarkFailed',
    async () => ({ status: 'FAILED', reason: 'PEER_LOST: x' }),
    {},
  );

  it('logs with the Lambda context and publishes its metrics once, ColdStart on the first invocation only', async () => {
    const first = await writtenBy(() => markFailed(payload, lambdaContext('step-req-1')));
    const second = await writtenBy(() => markFailed(payload, lambdaContext('step-req-2')));

    expect(first.logs.find((line) => line.message === 'workflow step done')).toMatchObject({
      cold_start: true,
      function_request_id: 'step-req-1',
      xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793',
      step: 'MarkFailed',
      collaborationId: payload.collaborationId,
      result: { status: 'FAILED' },
    });
    expect(second.logs.find((line) => line.message === 'workflow step done')).toMatchObject({
      cold_start: false,
      function_request_id: 'step-req-2',
    });

    expect(first.emf.map((record) => ('ColdStart' in record ? 'ColdStart' : record.step))).toEqual([
      'ColdStart',
      'MarkFailed',
    ]);
    expect(first.emf[0]).toMatchObject({ function_name: 'mpc-MarkFailed', service: WORKFLOW_SERVICE_NAME });
    expect(second.emf).toHaveLength(1);
    expect(second.emf[0]).not.toHaveProperty('ColdStart');
  });

  it('emits collaborationsFailed with the namespace and dimensions the CollaborationsFailed alarm watches', async () => {
    const { emf } = await writtenBy(() => markFailed(payload, lambdaContext('step-req-3')));
    const [record] = emf;
    // lib/constructs/monitoring.ts: namespace METRICS_NAMESPACE, dimensions service, step and outcome.
    expect(record).toMatchObject({
      collaborationsFailed: 1,
      service: WORKFLOW_SERVICE_NAME,
      step: 'MarkFailed',
      outcome: 'ok',
    });
    expect(directive(record)?.Namespace).toBe(METRICS_NAMESPACE);
    expect([...(directive(record)?.Dimensions[0] ?? [])].sort()).toEqual(['outcome', 'service', 'step']);
  });

  it('publishes a failed step as it fails, and the error still reaches the state machine', async () => {
    const broken = workflowStep(
      'CheckJob',
      async () => {
        throw new Error('table unreachable');
      },
      {},
    );
    let thrown: unknown;
    const { emf, logs } = await writtenBy(() =>
      broken(payload, lambdaContext('step-req-4')).catch((error: unknown) => {
        thrown = error;
      }),
    );
    expect((thrown as Error).message).toBe('table unreachable');
    expect(emf.filter((record) => 'workflowSteps' in record)).toEqual([
      expect.objectContaining({ step: 'CheckJob', outcome: 'error', workflowSteps: 1 }),
    ]);
    expect(logs.find((line) => line.level === 'ERROR')).toMatchObject({
      message: 'workflow step failed',
      function_request_id: 'step-req-4',
    });
  });

  it('runs without a Lambda context, as the local runner calls it', async () => {
    const { logs } = await writtenBy(() => markFailed(payload));
    expect(logs.find((line) => line.message === 'workflow step done')).toMatchObject({
      step: 'MarkFailed',
      collaborationId: payload.collaborationId,
    });
  });
});
