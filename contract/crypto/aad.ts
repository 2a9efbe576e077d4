/**
 * Canonical AAD binding a sealed share to where it belongs, so a ciphertext moved to another input, job,
 * party or recipient fails to open.
 *
 * API:
 * - `bindingAad(binding)`: the canonical bytes for a `ShareBinding`.
 *
 * Encoding (stable, v1): the ASCII label `mpc-coordination/aad/v1`, then each field in the fixed order
 * purpose, collaborationId, scope kind (`inputId` or `jobId`), scope value, party, recipientId (empty when
 * absent), declaration digest (input shares, see `contract/job/collaboration-declaration.ts`; empty
 * otherwise), each as a big-endian u16 byte length followed by its UTF-8 bytes. Length prefixes keep the
 * encoding injective whatever characters ids contain. A shard partial puts its position `index/count` in the
 * recipientId's place and the digest of the whole job's inputs in the declaration digest's.
 */
import type { Party } from '../party.ts';

export type ShareBinding =
  /**
   * A client's input share for server `party`, made under the collaboration's declaration (its digest): a
   * job that states another spec, minimum or recipients does not open it.
   */
  | {
      purpose: 'input-share';
      collaborationId: string;
      inputId: string;
      party: Party;
      declarationDigest: string;
    }
  /** Dealer material for server `party` in one job. */
  | { purpose: 'dealer-material'; collaborationId: string; jobId: string; party: Party }
  /** Server `party`'s result share sealed for one recipient. */
  | { purpose: 'result-share'; collaborationId: string; jobId: string; party: Party; recipientId: string }
  /**
   * Server `party`'s partial figures of shard `index` of `count`, sealed to its own domain's key for the
   * combine job `jobId` over the inputs whose digest is `inputsDigest`.
   */
  | {
      purpose: 'shard-partial';
      collaborationId: string;
      jobId: string;
      party: Party;
      index: number;
      count: number;
      inputsDigest: string;
    };

const LABEL = 'mpc-coordination/aad/v1';
const utf8 = new TextEncoder();

export function bindingAad(binding: ShareBinding): Uint8Array {
  const [scopeKind, scope] =
    binding.purpose === 'input-share' ? ['inputId', binding.inputId] : ['jobId', binding.jobId];
  const recipientId =
    binding.purpose === 'result-share'
      ? binding.recipientId
      : binding.purpose === 'shard-partial'
        ? `${binding.index}/${binding.count}`
        : '';
  const declaration =
    binding.purpose === 'input-share'
      ? binding.declarationDigest
      : binding.purpose === 'shard-partial'
        ? binding.inputsDigest
        : '';
  return encodeFields([
    LABEL,
    binding.purpose,
    binding.collaborationId,
    scopeKind,
    scope,
    binding.party,
    recipientId,
    declaration,
  ]);
}

function encodeFields(fields: readonly string[]): Uint8Array {
  const encoded = fields.map((field) => utf8.encode(field));
  const total = encoded.reduce((sum, bytes) => sum + 2 + bytes.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const bytes of encoded) {
    if (bytes.length > 0xffff) throw new RangeError('AAD field longer than 65535 bytes');
    view.setUint16(offset, bytes.length);
    out.set(bytes, offset + 2);
    offset += 2 + bytes.length;
  }
  return out;
}
