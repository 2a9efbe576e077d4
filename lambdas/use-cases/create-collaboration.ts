import { newCollaboration, type Collaboration, type CollaborationDraft } from '../domain/collaboration.ts';
import type { CoordinatorPorts } from '../ports/coordinator-ports.ts';

export async function createCollaboration(
  ports: CoordinatorPorts,
  command: { callerId: string; draft: CollaborationDraft },
): Promise<Collaboration> {
  const collaboration = newCollaboration(
    command.draft,
    { collaborationId: ports.newId(), ownerId: command.callerId },
    ports.now(),
  );
  await ports.collaborations.create(collaboration);
  // One execution per collaboration, named by its id: a retried create cannot start a second one.
  await ports.workflow?.collaborationCreated(collaboration);
  return collaboration;
}
