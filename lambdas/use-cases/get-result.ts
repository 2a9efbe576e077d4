import type { Party } from '../../contract/party.ts';
import { isResultRecipient, type Collaboration } from '../domain/collaboration.ts';
import { DomainError } from '../domain/errors.ts';
import { PARTIES } from '../domain/input.ts';
import { recipientCandidate } from '../domain/participation.ts';
import type { CoordinatorPorts } from '../ports/coordinator-ports.ts';
import type { PresignedRequest } from '../ports/share-storage.ts';
import { requireCollaboration } from './lookups.ts';

/** How long a client should wait before asking again, by status. */
export const RETRY_AFTER_SECONDS = { OPEN: 60, COMPUTING: 10 } as const;

export type ResultAnswer =
  | { kind: 'pending'; status: 'OPEN' | 'COMPUTING'; retryAfterSeconds: number }
  | { kind: 'ready'; shares: Record<Party, PresignedRequest>; jobId?: string };

/**
 * Only result recipients that joined (their key seals the result) get the result: with `all-participants`
 * the participants whose input was counted and not excluded. Others are forbidden.
 */
export async function getResult(
  ports: CoordinatorPorts,
  command: { callerId: string; collaborationId: string },
): Promise<ResultAnswer> {
  const collaboration = await requireCollaboration(ports, command.collaborationId);
  const participant = await ports.participants.get(command.collaborationId, command.callerId);
  if (!participant) throw new DomainError('forbidden', 'Only participants receive results; join first.');
  const candidate = recipientCandidate(participant);
  if (!isResultRecipient(collaboration, candidate))
    throw new DomainError('forbidden', notRecipientDetail(collaboration, candidate.inputExcluded));
  switch (collaboration.status) {
    case 'OPEN':
    case 'COMPUTING':
      return {
        kind: 'pending',
        status: collaboration.status,
        retryAfterSeconds: RETRY_AFTER_SECONDS[collaboration.status],
      };
    case 'RESULT_READY': {
      const presigned = await Promise.all(
        PARTIES.map((party) =>
          ports.shares.presignResultDownload(party, command.collaborationId, command.callerId),
        ),
      );
      return {
        kind: 'ready',
        shares: { A: presigned[0] as PresignedRequest, B: presigned[1] as PresignedRequest },
        // The result shares are sealed with the job id in their AAD: the client needs it to open them.
        ...(collaboration.resultJobId === undefined ? {} : { jobId: collaboration.resultJobId }),
      };
    }
    case 'COMPLETED':
      throw new DomainError(
        'result-gone',
        'The collaboration is completed and its result shares were deleted.',
      );
    default:
      throw new DomainError(
        'invalid-state',
        `The collaboration is ${collaboration.status}${collaboration.statusReason ? `: ${collaboration.statusReason}` : ''}; there is no result.`,
      );
  }
}

function notRecipientDetail(collaboration: Collaboration, excluded: boolean): string {
  if (excluded) return 'Your input was excluded from the computation; see your participation for why.';
  return collaboration.resultRecipients === 'all-participants'
    ? 'Only participants whose input was counted receive the result.'
    : 'You are not among the result recipients of this collaboration.';
}
