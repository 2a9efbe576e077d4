import type { Collaboration } from '../domain/collaboration.ts';
import type { CollaborationQuery, Page } from '../ports/collaboration-repository.ts';
import type { CoordinatorPorts } from '../ports/coordinator-ports.ts';

/** Discovery shows collaborations by status (OPEN unless asked otherwise); with a role, the caller's own. */
export async function listCollaborations(
  ports: CoordinatorPorts,
  query: CollaborationQuery,
): Promise<Page<Collaboration>> {
  return ports.collaborations.list(query.role || query.status ? query : { ...query, status: 'OPEN' });
}
