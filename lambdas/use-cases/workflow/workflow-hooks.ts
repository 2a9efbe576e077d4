import type { Collaboration } from '../../domain/collaboration.ts';
import type { WorkflowHooks } from '../../ports/workflow-hooks.ts';
import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { releaseWaitIfOver } from './await-waits.ts';

/** Timers of Step Functions take whole seconds; the wait ends at or just after the deadline. */
export function secondsUntil(deadline: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(deadline) - now.getTime()) / 1000));
}

/** The coordinator API's side of the workflow (see WorkflowHooks). */
export function workflowHooks(ports: () => WorkflowPorts): WorkflowHooks {
  return {
    async collaborationCreated(collaboration: Collaboration) {
      const wired = ports();
      await wired.events.publish({
        collaborationId: collaboration.collaborationId,
        status: collaboration.status,
        at: collaboration.createdAt,
      });
      await wired.workflow.start({
        collaborationId: collaboration.collaborationId,
        inputWindowSeconds: secondsUntil(collaboration.inputDeadline, wired.now()),
        retentionSeconds: wired.settings.retentionSeconds,
        attempts: { left: wired.settings.attempts },
      });
    },
    async inputCompleted(collaborationId: string) {
      await releaseWaitIfOver(ports(), 'inputs', collaborationId);
    },
    async participantFinished(collaborationId: string) {
      await releaseWaitIfOver(ports(), 'finish', collaborationId);
    },
    async collaborationCancelled(collaborationId: string) {
      // The execution does the rest (CleanUpCancelled): nothing here waits for a participant's endpoint.
      await releaseWaitIfOver(ports(), 'inputs', collaborationId, 'cancel');
    },
  };
}

/**
 * The hooks when `configured()` says a workflow exists, else no-ops: a coordinator run without one (its own
 * integration tests) keeps collaborations OPEN as before.
 */
export function optionalWorkflowHooks(configured: () => boolean, ports: () => WorkflowPorts): WorkflowHooks {
  const hooks = workflowHooks(ports);
  const guarded =
    <A extends unknown[]>(call: (...args: A) => Promise<void>) =>
    async (...args: A): Promise<void> => {
      if (configured()) await call(...args);
    };
  return {
    collaborationCreated: guarded(hooks.collaborationCreated),
    inputCompleted: guarded(hooks.inputCompleted),
    participantFinished: guarded(hooks.participantFinished),
    collaborationCancelled: guarded(hooks.collaborationCancelled),
  };
}
