import type { Collaboration } from '../domain/collaboration.ts';
import type { Input } from '../domain/input.ts';
import { participationStatus, type Participant } from '../domain/participation.ts';
import type { ComputationServerKey } from '../ports/server-directory.ts';

/**
 * How resources look on the wire (components.schemas of openapi.yml); internal counters stay inside. The
 * invite list is shown to the owner only; everyone sees whether there is one (`inviteOnly`).
 */
export function collaborationView(collaboration: Collaboration, viewer: { callerId: string }) {
  const { finishedCount: _finishedCount, resultJobId: _resultJobId, participants, ...view } = collaboration;
  return {
    ...view,
    inviteOnly: participants !== undefined,
    ...(participants !== undefined && viewer.callerId === collaboration.ownerId ? { participants } : {}),
  };
}

/** The webhook secret appears once, in the join answer (`withWebhookSecret`), never when read back. */
export function participationView(
  participant: Participant,
  servers: readonly ComputationServerKey[],
  options: { withWebhookSecret?: boolean } = {},
) {
  return {
    collaborationId: participant.collaborationId,
    clientId: participant.clientId,
    status: participationStatus(participant),
    joinedAt: participant.joinedAt,
    resultPublicKey: participant.resultPublicKey,
    ...(participant.webhookUrl ? { webhookUrl: participant.webhookUrl } : {}),
    ...(options.withWebhookSecret && participant.webhookSecret
      ? { webhookSecret: participant.webhookSecret }
      : {}),
    ...(participant.webhookDelivery ? { webhookDelivery: participant.webhookDelivery } : {}),
    ...(participant.finishedAt ? { finishedAt: participant.finishedAt } : {}),
    ...(participant.inputId && participant.inputStatus
      ? {
          input: {
            inputId: participant.inputId,
            status: participant.inputStatus,
            ...(participant.exclusionReason === undefined
              ? {}
              : { exclusionReason: participant.exclusionReason }),
          },
        }
      : {}),
    computationServers: servers,
  };
}

export function inputView(input: Input) {
  return {
    inputId: input.inputId,
    collaborationId: input.collaborationId,
    status: input.status,
    createdAt: input.createdAt,
    ...(input.completedAt ? { completedAt: input.completedAt } : {}),
  };
}
