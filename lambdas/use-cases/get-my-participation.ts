import type { Participant } from '../domain/participation.ts';
import type { CoordinatorPorts } from '../ports/coordinator-ports.ts';
import { requireParticipant } from './lookups.ts';

export async function getMyParticipation(
  ports: CoordinatorPorts,
  command: { callerId: string; collaborationId: string },
): Promise<Participant> {
  return requireParticipant(ports, command.collaborationId, command.callerId);
}
