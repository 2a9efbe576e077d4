import { acceptsInputs, mayJoin } from '../domain/collaboration.ts';
import { DomainError, validationError } from '../domain/errors.ts';
import {
  newWebhookSecret,
  publicKeyViolations,
  webhookUrlViolations,
  type Participant,
} from '../domain/participation.ts';
import type { CoordinatorPorts } from '../ports/coordinator-ports.ts';
import { notAcceptingInputs, requireCollaboration } from './lookups.ts';

export async function joinCollaboration(
  ports: CoordinatorPorts,
  command: { callerId: string; collaborationId: string; resultPublicKey: string; webhookUrl?: string },
): Promise<Participant> {
  const violations = [
    ...publicKeyViolations(command.resultPublicKey),
    ...webhookUrlViolations(command.webhookUrl, { loopbackHttp: ports.loopbackWebhooks ?? false }),
  ];
  if (violations.length > 0) throw validationError(violations);
  const now = ports.now();
  const collaboration = await requireCollaboration(ports, command.collaborationId);
  if (!mayJoin(collaboration, command.callerId))
    throw new DomainError('forbidden', 'This collaboration takes only the clients its owner invited.');
  if (await ports.participants.get(command.collaborationId, command.callerId)) throw alreadyJoined();
  if (!acceptsInputs(collaboration, now)) throw notAcceptingInputs(collaboration, now);
  const participant: Participant = {
    collaborationId: command.collaborationId,
    clientId: command.callerId,
    joinedAt: now.toISOString(),
    resultPublicKey: command.resultPublicKey,
    ...(command.webhookUrl === undefined
      ? {}
      : { webhookUrl: command.webhookUrl, webhookSecret: newWebhookSecret() }),
  };
  const outcome = await ports.participants.join(participant, now);
  if (outcome === 'joined') return participant;
  if (outcome === 'already-joined') throw alreadyJoined();
  // The collaboration changed under us (closed, past its deadline): explain from its current state.
  throw notAcceptingInputs(await requireCollaboration(ports, command.collaborationId), now);
}

function alreadyJoined(): DomainError {
  return new DomainError('already-joined', 'You already participate in this collaboration.');
}
