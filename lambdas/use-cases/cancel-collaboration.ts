import type { Collaboration } from '../domain/collaboration.ts';
import { DomainError } from '../domain/errors.ts';
import type { CoordinatorPorts } from '../ports/coordinator-ports.ts';
import { requireCollaboration } from './lookups.ts';

/** Only the owner cancels, only while OPEN; cancelling again answers the cancelled collaboration. */
export async function cancelCollaboration(
  ports: CoordinatorPorts,
  command: { callerId: string; collaborationId: string },
): Promise<Collaboration> {
  const collaboration = await requireCollaboration(ports, command.collaborationId);
  if (collaboration.ownerId !== command.callerId)
    throw new DomainError('forbidden', 'Only the owner can cancel a collaboration.');
  if (collaboration.status === 'CANCELLED') return collaboration;
  const cancelled = await ports.collaborations.transition(
    command.collaborationId,
    'OPEN',
    'CANCELLED',
    ports.now(),
    'Cancelled by the owner.',
  );
  if (cancelled) {
    await ports.workflow?.collaborationCancelled(command.collaborationId);
    return cancelled;
  }
  const current = await requireCollaboration(ports, command.collaborationId);
  if (current.status === 'CANCELLED') return current;
  throw new DomainError(
    'invalid-state',
    `The collaboration is ${current.status}; only an OPEN one can be cancelled.`,
  );
}
