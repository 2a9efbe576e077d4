import { coordinator } from '../composition-root.ts';
import { httpOperation } from '../http/http-operation.ts';
import { participationView } from '../http/representations.ts';
import { joinCollaboration } from '../use-cases/join-collaboration.ts';

export const handler = httpOperation(
  'joinCollaboration',
  async (request) => {
    const { ports } = coordinator();
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
  { idempotencyStore: () => coordinator().idempotency },
);
