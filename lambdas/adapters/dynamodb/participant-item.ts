import type { Participant } from '../../domain/participation.ts';

/** A participant item as the domain's Participant (secret and last webhook delivery included when present). */
export function participantOfItem(item: Record<string, unknown>): Participant {
  const participant: Participant = {
    collaborationId: item.collaborationId as string,
    clientId: item.clientId as string,
    joinedAt: item.joinedAt as string,
    resultPublicKey: item.resultPublicKey as string,
  };
  for (const optional of [
    'webhookUrl',
    'webhookSecret',
    'inputId',
    'inputStatus',
    'finishedAt',
    'exclusionReason',
  ] as const) {
    if (typeof item[optional] === 'string') Object.assign(participant, { [optional]: item[optional] });
  }
  if (item.webhookDelivery && typeof item.webhookDelivery === 'object')
    participant.webhookDelivery = item.webhookDelivery as Participant['webhookDelivery'];
  return participant;
}
