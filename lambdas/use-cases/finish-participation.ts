import { isResultRecipient } from '../domain/collaboration.ts';
import { DomainError } from '../domain/errors.ts';
import { recipientCandidate, type Participant } from '../domain/participation.ts';
import type { CoordinatorPorts } from '../ports/coordinator-ports.ts';
import { requireCollaboration, requireParticipant } from './lookups.ts';

/**
 * A participant says it is done once the computation is over (idempotent). While there is a result, only its
 * recipients finish: the workflow cleans up once they all have, and nobody else fetched anything.
 */
export async function finishParticipation(
  ports: CoordinatorPorts,
  command: { callerId: string; collaborationId: string },
): Promise<Participant> {
  const participant = await requireParticipant(ports, command.collaborationId, command.callerId);
  if (participant.finishedAt !== undefined) return participant;
  const collaboration = await requireCollaboration(ports, command.collaborationId);
  if (collaboration.status === 'OPEN' || collaboration.status === 'COMPUTING')
    throw new DomainError(
      'invalid-state',
      `The collaboration is ${collaboration.status}; finish after its result.`,
    );
  const hasResult = collaboration.status === 'RESULT_READY' || collaboration.status === 'COMPLETED';
  if (hasResult && !isResultRecipient(collaboration, recipientCandidate(participant)))
    throw new DomainError('forbidden', 'Only result recipients finish; you receive no result.');
  const outcome = await ports.participants.finish(command.collaborationId, command.callerId, ports.now());
  if (outcome === 'refused')
    throw new DomainError('invalid-state', 'The collaboration cannot be finished now.');
  await ports.workflow?.participantFinished(command.collaborationId);
  return requireParticipant(ports, command.collaborationId, command.callerId);
}
