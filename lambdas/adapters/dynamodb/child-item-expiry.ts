import { MAX_DEADLINE_AHEAD_MS, RETENTION_AFTER_DEADLINE_MS } from '../../domain/collaboration.ts';
import { epochSeconds } from '../../../contract/table/item-keys.ts';

/**
 * Participant and input items are written before the deadline, so they outlive any collaboration they belong
 * to if they expire this long after being written (TTL).
 */
export function childItemExpiry(writtenAt: Date): number {
  return epochSeconds(new Date(writtenAt.getTime() + MAX_DEADLINE_AHEAD_MS + RETENTION_AFTER_DEADLINE_MS));
}
