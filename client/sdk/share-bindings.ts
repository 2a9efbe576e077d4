import { bindingAad } from '../../contract/crypto/aad.ts';
import type { Party } from '../../contract/party.ts';

/**
 * The AAD an input share is sealed with, so a server opens it only as this participant's input to this
 * collaboration. The design binds the server-issued inputId, but `createInput` issues that id only after
 * the client declared the SHA-256 of the sealed shares, which depends on the AAD: a cycle. Until the contract
 * settles, the participant's client id (unique per collaboration: one input each, also in the job
 * description as `participantId`) takes the inputId's place. Servers must open with the same binding. The
 * binding also carries the digest of the collaboration's declaration (spec, minParticipants, resultRecipients)
 * as this participant read it, so servers open the share only for a job that states that same declaration.
 */
export function inputShareAad(
  collaborationId: string,
  participantId: string,
  party: Party,
  declarationDigest: string,
): Uint8Array {
  return bindingAad({
    purpose: 'input-share',
    collaborationId,
    inputId: participantId,
    party,
    declarationDigest,
  });
}

/** The AAD a server seals this recipient's result share with, for one job (one computation attempt). */
export function resultShareAad(
  collaborationId: string,
  jobId: string,
  party: Party,
  recipientId: string,
): Uint8Array {
  return bindingAad({ purpose: 'result-share', collaborationId, jobId, party, recipientId });
}
