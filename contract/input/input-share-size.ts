import { AEAD_TAG_LENGTH, ENC_LENGTH, HEADER_LENGTH } from '../crypto/hpke-envelope-layout.ts';
import type { Party } from '../party.ts';
import { inputSharePayloadBytes } from './input-codec.ts';

/** What single-shot HPKE sealing adds to a payload: envelope header, encapsulated key, AEAD tag. */
export const SEALED_SHARE_OVERHEAD_BYTES = HEADER_LENGTH + ENC_LENGTH + AEAD_TAG_LENGTH;

/**
 * The exact size of a sealed input share for `rowCount` rows of `fieldCount` fields: the coordinator checks
 * a participant's declared and uploaded sizes against it, so a share that cannot hold the declared rows
 * fails that input at once instead of the computation later.
 */
export function sealedInputShareBytes(party: Party, fieldCount: number, rowCount: number): number {
  return inputSharePayloadBytes(party, fieldCount, rowCount) + SEALED_SHARE_OVERHEAD_BYTES;
}
