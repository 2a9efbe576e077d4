import { notComputable } from '../domain/collaboration-computability.ts';
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
  // Refused before anything is stored or started: the servers would fail this job after every upload.
  const refusal = notComputable(command.draft);
  if (refusal !== undefined) throw refusal;
  await ports.collaborations.create(collaboration);
  try {
    // One execution per collaboration, named by its id: a retried create cannot start a second one.
    await ports.workflow?.collaborationCreated(collaboration);
  } catch (error) {
    // Without its execution nobody would close, compute or expire it, and participants could still join and
    // upload: it fails at once, visibly, and the caller's error says to create it again.
    await ports.collaborations
      .transition(collaboration.collaborationId, 'OPEN', 'FAILED', ports.now(), WORKFLOW_NOT_STARTED)
      .catch(() => undefined);
    throw error;
  }
  return collaboration;
}

export const WORKFLOW_NOT_STARTED =
  'The collaboration workflow could not start; create the collaboration again.';
