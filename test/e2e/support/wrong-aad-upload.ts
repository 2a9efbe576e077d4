import { expect } from 'vitest';
import { declareShare, putPresigned } from '../../../client/sdk/presigned-transfer.ts';
import { seal } from '../../../contract/crypto/hpke.ts';
import { shareRows } from '../../../contract/input/input-codec.ts';
import type { Party } from '../../../contract/party.ts';
import type { Member } from '../../../local/harness/whole-system.ts';
import { AGE_INCOME_FIELDS, ageIncomeRows } from '../../support/age-income-fixture.ts';

/**
 * Uploads rows as the SDK would (right size and checksum, sealed to the right keys) but under an AAD no
 * server opens. The coordinator cannot tell: the input counts. Returns its id.
 */
export async function uploadWithWrongAad(liar: Member, collaborationId: string): Promise<string> {
  const rows = ageIncomeRows(23, 5);
  const plaintexts = shareRows(rows, AGE_INCOME_FIELDS);
  const wrongAad = new TextEncoder().encode(`input-share of another collaboration than ${collaborationId}`);
  const servers = liar.participation.computationServers;
  const sealed = {} as Record<Party, Uint8Array>;
  for (const party of ['A', 'B'] as const)
    sealed[party] = await seal({
      recipientPublicKey: servers.find((server) => server.id === party)!.publicKey,
      plaintext: plaintexts[party],
      aad: wrongAad,
    });
  const issued = await liar.client.createInput(collaborationId, {
    rowCount: rows.length,
    shares: { A: declareShare(sealed.A), B: declareShare(sealed.B) },
  });
  for (const party of ['A', 'B'] as const)
    await putPresigned(issued.uploads[party], sealed[party], liar.client.storageFetch);
  expect((await liar.client.completeInput(collaborationId, issued.inputId)).status).toBe('COMPLETE');
  return issued.inputId;
}
