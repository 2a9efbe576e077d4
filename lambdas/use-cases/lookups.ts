import type { Collaboration } from '../domain/collaboration.ts';
import { DomainError } from '../domain/errors.ts';
import type { Participant } from '../domain/participation.ts';
import type { CoordinatorPorts } from '../ports/coordinator-ports.ts';

/** Lookups shared by the use cases; each refuses with not-found in the caller's terms. */
export async function requireCollaboration(
  ports: CoordinatorPorts,
  collaborationId: string,
): Promise<Collaboration> {
  const collaboration = await ports.collaborations.get(collaborationId);
  if (!collaboration) throw new DomainError('not-found', `No collaboration ${collaborationId}.`);
  return collaboration;
}

/** A participation is private: whoever has none gets not-found, whether or not the collaboration exists. */
export async function requireParticipant(
  ports: CoordinatorPorts,
  collaborationId: string,
  clientId: string,
): Promise<Participant> {
  const participant = await ports.participants.get(collaborationId, clientId);
  if (!participant)
    throw new DomainError('not-found', `You have no participation in collaboration ${collaborationId}.`);
  return participant;
}

/**
 * Explains why a collaboration refused a join or an input: closed, past its deadline, or else `otherwise`
 * (by default full: every slot is taken by a counted input).
 */
export function notAcceptingInputs(
  collaboration: Collaboration,
  now: Date,
  otherwise?: DomainError,
): DomainError {
  if (collaboration.status !== 'OPEN')
    return new DomainError('invalid-state', `The collaboration is ${collaboration.status}, not OPEN.`);
  if (now.toISOString() >= collaboration.inputDeadline)
    return new DomainError(
      'deadline-passed',
      `The input deadline ${collaboration.inputDeadline} has passed.`,
    );
  return (
    otherwise ??
    new DomainError(
      'collaboration-full',
      `The collaboration already counts its maximum of ${collaboration.maxParticipants} inputs.`,
    )
  );
}
