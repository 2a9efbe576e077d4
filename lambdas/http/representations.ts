import type { Collaboration } from '../domain/collaboration.ts';
import type { Input } from '../domain/input.ts';
import { participationStatus, type Participant } from '../domain/participation.ts';
import type { ComputationServerKey } from '../ports/server-directory.ts';

/** How resources look on the wire (components.schemas of openapi.yml); internal counters stay inside. */
export function collaborationView(collaboration: Collaboration) {
  const { finishedCount: _finishedCount, resultJobId: _resultJobId, ...view } = collaboration;
  return view;
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
      ? { input: { inputId: participant.inputId, status: participant.inputStatus } }
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
