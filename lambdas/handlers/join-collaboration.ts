import {
  collaborationRepository,
  coordinatorPorts,
  idempotencyStore,
  participantRepository,
} from '../composition-root.ts';
import { httpOperation } from '../http/http-operation.ts';
import * as contracts from '../../contract/generated/operation-contracts.generated.ts';
import { participationView } from '../http/representations.ts';
import { joinCollaboration } from '../use-cases/join-collaboration.ts';

const ports = coordinatorPorts({
  collaborations: collaborationRepository,
  participants: participantRepository,
});

export const handler = httpOperation(
  contracts.joinCollaboration,
  async (request) => {
    const body = request.body as { resultPublicKey: string; webhookUrl?: string };
    const participant = await joinCollaboration(ports, {
      callerId: request.callerId,
      collaborationId: request.path.collaborationId as string,
      resultPublicKey: body.resultPublicKey,
      ...(body.webhookUrl === undefined ? {} : { webhookUrl: body.webhookUrl }),
    });
    return {
      statusCode: 201,
      body: participationView(participant, ports.computationServers, { withWebhookSecret: true }),
      headers: { location: `/v1/collaborations/${participant.collaborationId}/participants/me` },
    };
  },
  { idempotencyStore },
);
