import type { Collaboration } from '../domain/collaboration.ts';
import type { CoordinatorPorts } from '../ports/coordinator-ports.ts';
import { requireCollaboration } from './lookups.ts';

/** Collaborations are public documents: anyone authenticated may read one (as discovery shows it). */
export async function getCollaboration(
  ports: CoordinatorPorts,
  command: { collaborationId: string },
): Promise<Collaboration> {
  return requireCollaboration(ports, command.collaborationId);
}
