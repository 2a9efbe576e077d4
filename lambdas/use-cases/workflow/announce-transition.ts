import type { Collaboration } from '../../domain/collaboration.ts';
import type { CollaborationStatus } from '../../../contract/collaboration-status.ts';
import type { WorkflowPorts } from '../../ports/workflow-ports.ts';

/**
 * A conditional status change plus its event. Idempotent for step retries: when the collaboration is already
 * in `to`, it is returned without a second event. Undefined when it is in neither state. A collaboration the
 * owner cancelled moves nowhere else: the step throws CollaborationCancelled instead.
 */
export async function announceTransition(
  ports: Pick<WorkflowPorts, 'collaborations' | 'events' | 'now'>,
  collaborationId: string,
  from: CollaborationStatus,
  to: CollaborationStatus,
  reason?: string,
): Promise<Collaboration | undefined> {
  const at = ports.now();
  const changed = await ports.collaborations.transition(collaborationId, from, to, at, reason);
  if (changed) {
    await ports.events.publish({
      collaborationId,
      status: to,
      at: at.toISOString(),
      ...(reason === undefined ? {} : { reason }),
    });
    return changed;
  }
  const current = await ports.collaborations.get(collaborationId);
  if (current?.status === to) return current;
  if (current?.status === 'CANCELLED') throw new CollaborationCancelled(collaborationId);
  return undefined;
}

/** Steps run by the state machine fail loudly on a collaboration that is not where the workflow expects it. */
export async function requireWorkflowCollaboration(
  ports: Pick<WorkflowPorts, 'collaborations'>,
  collaborationId: string,
): Promise<Collaboration> {
  const collaboration = await ports.collaborations.get(collaborationId);
  if (!collaboration) throw new WorkflowStepError(`No collaboration ${collaborationId}.`);
  return collaboration;
}

/** A step that cannot go on; the definition's Catch routes it to MarkFailed. */
export class WorkflowStepError extends Error {
  override readonly name = 'WorkflowStepError';
}

/**
 * The owner cancelled while the execution was on its way (the API only changes the status and releases the
 * input wait): the definition catches this error by name and goes to CleanUpCancelled.
 */
export class CollaborationCancelled extends Error {
  override readonly name = 'CollaborationCancelled';

  constructor(collaborationId: string) {
    super(`Collaboration ${collaborationId} was cancelled by the owner.`);
  }
}
