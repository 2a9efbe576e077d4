import { analysisKindsOf, expiryOf, type Collaboration } from '../../domain/collaboration.ts';
import { itemKeys, epochSeconds } from '../../../contract/table/item-keys.ts';
import { MEMBER_INDEX, STATUS_INDEX, TTL_ATTRIBUTE } from '../../../contract/table/table-definition.ts';

type Item = Record<string, unknown>;

/** The invite list and the excluded-input count, on the item only when set. */
function inviteAndExclusionsOf(item: Item): Pick<Collaboration, 'participants' | 'excludedInputCount'> {
  return {
    ...(Array.isArray(item.participants) ? { participants: item.participants as string[] } : {}),
    ...(item.excludedInputCount === undefined ? {} : { excludedInputCount: Number(item.excludedInputCount) }),
  };
}

/** Minimum cell size, privacy budget, the budget spent and the row cap, on the item only when set. */
function releaseControlsOf(
  item: Item,
): Pick<Collaboration, 'minCellSize' | 'privacy' | 'privacySpent' | 'maxRowsPerParticipant'> {
  return {
    ...(item.maxRowsPerParticipant === undefined
      ? {}
      : { maxRowsPerParticipant: Number(item.maxRowsPerParticipant) }),
    ...(item.minCellSize === undefined ? {} : { minCellSize: Number(item.minCellSize) }),
    ...(item.privacy === undefined ? {} : { privacy: item.privacy as Collaboration['privacy'] }),
    ...(item.privacySpent === undefined
      ? {}
      : { privacySpent: item.privacySpent as Collaboration['privacySpent'] }),
  };
}

/** The collaboration's META item: the domain fields plus keys, index keys, analysis kinds and TTL. */
export function collaborationToItem(collaboration: Collaboration): Item {
  const sortKey = `${collaboration.createdAt}#${collaboration.collaborationId}`;
  return {
    ...itemKeys.collaboration(collaboration.collaborationId),
    entity: 'COLLABORATION',
    ...collaboration,
    analysisKinds: analysisKindsOf(collaboration),
    [STATUS_INDEX.partitionKey]: itemKeys.statusPartition(collaboration.status),
    [STATUS_INDEX.sortKey]: sortKey,
    [MEMBER_INDEX.partitionKey]: itemKeys.ownerPartition(collaboration.ownerId),
    [MEMBER_INDEX.sortKey]: sortKey,
    [TTL_ATTRIBUTE]: epochSeconds(expiryOf(collaboration)),
  };
}

export function itemToCollaboration(item: Item): Collaboration {
  const collaboration: Collaboration = {
    collaborationId: item.collaborationId as string,
    name: item.name as string,
    description: item.description as string,
    ownerId: item.ownerId as string,
    analyses: item.analyses as Collaboration['analyses'],
    inputSchema: item.inputSchema as Collaboration['inputSchema'],
    minParticipants: Number(item.minParticipants),
    maxParticipants: Number(item.maxParticipants),
    inputDeadline: item.inputDeadline as string,
    resultRecipients: item.resultRecipients as Collaboration['resultRecipients'],
    status: item.status as Collaboration['status'],
    participantCount: Number(item.participantCount ?? 0),
    completedInputCount: Number(item.completedInputCount ?? 0),
    finishedCount: Number(item.finishedCount ?? 0),
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
  };
  if (typeof item.statusReason === 'string') collaboration.statusReason = item.statusReason;
  if (typeof item.resultJobId === 'string') collaboration.resultJobId = item.resultJobId;
  Object.assign(collaboration, releaseControlsOf(item));
  Object.assign(collaboration, inviteAndExclusionsOf(item));
  return collaboration;
}
