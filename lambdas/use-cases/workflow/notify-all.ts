import type { WorkflowPorts } from '../../ports/workflow-ports.ts';

export type CollaborationEvent =
  'collaboration.result_ready' | 'collaboration.expired' | 'collaboration.failed' | 'collaboration.cancelled';

export interface NotifyOutcome {
  delivered: number;
  failed: number;
  /** Participants without a webhook URL: they poll GET collaboration. */
  skipped: number;
}

/**
 * Tells every participant that gave a webhook URL, each delivery retried by the notifier; each outcome is
 * recorded on the participant (GET participants/me shows it). A failed delivery never fails the workflow.
 */
export async function notifyAll(
  ports: Pick<WorkflowPorts, 'workflowState' | 'collaborations' | 'notifier' | 'now' | 'newId'>,
  collaborationId: string,
  event: CollaborationEvent,
): Promise<NotifyOutcome> {
  const collaboration = await ports.collaborations.get(collaborationId);
  const participants = await ports.workflowState.listParticipants(collaborationId);
  const outcome: NotifyOutcome = { delivered: 0, failed: 0, skipped: 0 };
  await Promise.all(
    participants.map(async (participant) => {
      if (!participant.webhookUrl || !participant.webhookSecret) {
        outcome.skipped++;
        return;
      }
      const messageId = `msg_${ports.newId()}`;
      const result = await ports.notifier.deliver(participant.webhookUrl, participant.webhookSecret, {
        messageId,
        event,
        body: {
          type: event,
          timestamp: ports.now().toISOString(),
          data: {
            collaborationId,
            status: collaboration?.status,
            ...(collaboration?.statusReason ? { reason: collaboration.statusReason } : {}),
          },
        },
      });
      if (result.delivered) outcome.delivered++;
      else outcome.failed++;
      await ports.workflowState.recordDelivery(collaborationId, participant.clientId, {
        messageId,
        event,
        attempts: result.attempts,
        delivered: result.delivered,
        lastAttemptAt: ports.now().toISOString(),
        ...(result.lastError === undefined ? {} : { lastError: result.lastError }),
      });
    }),
  );
  return outcome;
}
