import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { invocationLogger, lambdaContextLogging } from '../../http/logger.ts';
import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { CollaborationCancelled } from '../../use-cases/workflow/announce-transition.ts';
import { workflowMetrics } from './workflow-metrics.ts';
import { workflowPortsWith, type WorkflowPortFactories } from './workflow-composition-root.ts';

/** What the definition's `lambda:invoke` passes as Payload: always the collaboration id, plus step fields. */
export type StepPayload = { collaborationId: string } & Record<string, unknown>;
/** The local runner calls a step without a Lambda context. */
export type WorkflowStepHandler = (payload: StepPayload, context?: Context) => Promise<unknown>;

/**
 * A thin Lambda handler for one state of the definition: wire, run the use case, log the outcome with the
 * collaboration id and record its metrics, published once per invocation. An error propagates, so the
 * state's Retry and Catch apply. `factories` names the ports the use case touches: the bundle carries only
 * their adapters.
 */
export function workflowStep<P extends { collaborationId: string }>(
  step: string,
  useCase: (ports: WorkflowPorts, payload: P) => Promise<unknown>,
  factories: WorkflowPortFactories,
): WorkflowStepHandler {
  const ports = workflowPortsWith(factories);
  const run = async (payload: StepPayload, context: Context) => {
    const log = invocationLogger(context, { step, collaborationId: payload.collaborationId });
    const started = Date.now();
    try {
      const result = await useCase(ports, payload as unknown as P);
      workflowMetrics().record(step, 'ok', Date.now() - started, result);
      log.info('workflow step done', { result: result as Record<string, unknown> });
      return result;
    } catch (error) {
      // Not a failure: the definition catches it by name and winds the cancelled collaboration up.
      if (error instanceof CollaborationCancelled) {
        workflowMetrics().record(step, 'ok', Date.now() - started);
        log.info('workflow step found the collaboration cancelled');
        throw error;
      }
      workflowMetrics().record(step, 'error', Date.now() - started);
      log.error('workflow step failed', error as Error);
      throw error;
    }
  };
  const build = () =>
    middy<StepPayload, unknown>().use(lambdaContextLogging()).use(workflowMetrics().middlewares).handler(run);
  let handler: ReturnType<typeof build> | undefined;
  // Built at the first invocation, so that importing a step reads no environment.
  return (payload, context) => (handler ??= build())(payload, context ?? ({} as Context));
}
