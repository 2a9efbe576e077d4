import type { CollaborationStatus } from '../collaboration-status.ts';

/** Key values of the single-table items (see table-definition.ts). */
export const itemKeys = {
  collaboration: (collaborationId: string) => ({ pk: `COLLAB#${collaborationId}`, sk: 'META' }),
  participant: (collaborationId: string, clientId: string) => ({
    pk: `COLLAB#${collaborationId}`,
    sk: `PARTICIPANT#${clientId}`,
  }),
  input: (collaborationId: string, inputId: string) => ({
    pk: `COLLAB#${collaborationId}`,
    sk: `INPUT#${inputId}`,
  }),
  idempotency: (hash: string) => ({ pk: `IDEMPOTENCY#${hash}`, sk: 'IDEMPOTENCY' }),
  statusPartition: (status: CollaborationStatus) => `STATUS#${status}`,
  ownerPartition: (clientId: string) => `OWNER#${clientId}`,
  participantPartition: (clientId: string) => `PARTICIPANT#${clientId}`,
};

export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
