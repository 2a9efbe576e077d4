import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { notifyAll, type CollaborationEvent, type NotifyOutcome } from './notify-all.ts';

/** NotifyParticipants: signed webhooks to every participant that gave a URL. */
export function notifyParticipants(
  ports: WorkflowPorts,
  payload: { collaborationId: string; event: CollaborationEvent },
): Promise<NotifyOutcome> {
  return notifyAll(ports, payload.collaborationId, payload.event);
}
