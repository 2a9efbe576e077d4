import type { Collaboration } from '../domain/collaboration.ts';
import { DomainError } from '../domain/errors.ts';
import type { CoordinatorPorts } from '../ports/coordinator-ports.ts';
import { requireCollaboration } from './lookups.ts';

/**
 * Only the owner cancels, only while OPEN; cancelling again answers the cancelled collaboration. The answer
 * comes at once: the workflow is only told (its input wait released) and winds the collaboration up itself.
 */
export async function cancelCollaboration(
  ports: CoordinatorPorts,
  command: { callerId: string; collaborationId: string },
): Promise<Collaboration> {
  const collaboration = await requireCollaboration(ports, command.collaborationId);
  if (collaboration.ownerId !== command.callerId)
    throw new DomainError('forbidden', 'Only the owner can cancel a collaboration.');
  const cancelled =
    collaboration.status === 'CANCELLED' ? collaboration : await cancelOpen(ports, command.collaborationId);
  // Also on a retried cancel: a release lost the first time is sent again (a used token is ignored).
  await ports.workflow?.collaborationCancelled(command.collaborationId);
  return cancelled;
}

/** OPEN -> CANCELLED; a concurrent cancel that won answers the same. */
async function cancelOpen(ports: CoordinatorPorts, collaborationId: string): Promise<Collaboration> {
  const cancelled = await ports.collaborations.transition(
    collaborationId,
    'OPEN',
    'CANCELLED',
    ports.now(),
    'Cancelled by the owner.',
  );
  if (cancelled) return cancelled;
  const current = await requireCollaboration(ports, collaborationId);
  if (current.status === 'CANCELLED') return current;
  throw new DomainError(
    'invalid-state',
    `The collaboration is ${current.status}; only an OPEN one can be cancelled.`,
  );
}
