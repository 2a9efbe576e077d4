import { schemaDigest, shareRows } from '../../contract/input/input-codec.ts';
import { rowCapOf } from '../../contract/input/row-cap.ts';
import { seal } from '../../contract/crypto/hpke.ts';
import type { Party } from '../../contract/party.ts';
import { parseInputRows } from '../input/rows.ts';
import type { InputRows } from '../input/rows.ts';
import type { ComputationServer, Input } from './api-models.ts';
import type { CreateOptions, MpcClient } from './mpc-client.ts';
import { declareShare, putPresigned } from './presigned-transfer.ts';
import { declarationDigest } from '../../contract/job/collaboration-declaration.ts';
import { checkServerKeyPins, type CompleteServerKeyPins, type ServerKeyPins } from './server-key-pins.ts';
import { inputShareAad } from './share-bindings.ts';
import { trustedServerKeys, type TrustOnFirstUse } from './trust-on-first-use.ts';

export type SubmitStage = 'sharing' | 'requesting-upload' | 'uploading' | 'completing' | 'done';

export interface SubmitOptions extends CreateOptions {
  onProgress?: (stage: SubmitStage, detail?: { party: Party; bytes: number }) => void;
  /**
   * Both servers' public keys known out of band (from their operators). Sealing is refused when either is
   * missing, when A's equals B's, or when the coordinator names another key.
   */
  pinnedServerKeys?: ServerKeyPins;
  /** Development only, when no pins are given: trust the keys named on first use (see trust-on-first-use.ts). */
  trustOnFirstUse?: TrustOnFirstUse;
}

/** The pins to seal to: given ones, checked against what the coordinator names, or trusted on first use. */
export async function serverKeysToSealTo(
  offered: readonly ComputationServer[],
  options: Pick<SubmitOptions, 'pinnedServerKeys' | 'trustOnFirstUse'>,
): Promise<CompleteServerKeyPins> {
  if (options.pinnedServerKeys === undefined && options.trustOnFirstUse !== undefined) {
    return checkServerKeyPins(offered, await trustedServerKeys(options.trustOnFirstUse, offered));
  }
  return checkServerKeyPins(offered, options.pinnedServerKeys);
}

const PARTIES: readonly Party[] = ['A', 'B'];

/**
 * Takes part with `rows`: secret-shares them, seals one share to each computation server, asks for upload
 * slots, PUTs both sealed shares to their presigned URLs and registers the input. Rows that are not yet
 * `InputRows` (file text) are checked against the collaboration's fields first: a bad row fails the whole
 * submission before anything leaves the machine.
 */
export async function submitInput(
  client: MpcClient,
  collaborationId: string,
  rows: InputRows | string,
  options: SubmitOptions = {},
): Promise<Input> {
  const progress = options.onProgress ?? (() => undefined);
  const [collaboration, participation] = await Promise.all([
    client.getCollaboration(collaborationId),
    client.getMyParticipation(collaborationId),
  ]);
  const fields = collaboration.inputSchema.fields;
  const checked = typeof rows === 'string' ? parseInputRows(rows, fields) : rows;
  // Compared the way the servers compare a share with the job's schema (defaults filled in, order of keys moot).
  if (!Buffer.from(schemaDigest(checked.fields)).equals(schemaDigest(fields))) {
    throw new Error(`rows were checked against other fields than collaboration ${collaborationId} declares`);
  }
  const rowCap = rowCapOf(collaboration);
  if (checked.rows.length > rowCap)
    throw new Error(
      `${checked.rows.length} rows: collaboration ${collaborationId} accepts at most ${rowCap} rows per participant`,
    );

  // Refused here, before any sharing, sealing or upload request.
  const pins = await serverKeysToSealTo(participation.computationServers, options);
  // What this participant agrees to: the servers open its shares only for a job stating the same.
  const declaration = declarationDigest({
    spec: {
      fields,
      analyses: collaboration.analyses,
      minCellSize: collaboration.minCellSize,
      privacy: collaboration.privacy,
      maxRowsPerParticipant: collaboration.maxRowsPerParticipant,
    },
    minParticipants: collaboration.minParticipants,
    resultRecipients: collaboration.resultRecipients,
  });
  progress('sharing');
  const plaintexts = shareRows(checked.rows, fields);
  const sealed = Object.fromEntries(
    await Promise.all(
      PARTIES.map(async (party) => {
        const aad = inputShareAad(collaborationId, client.clientId, party, declaration);
        return [party, await seal({ recipientPublicKey: pins[party], plaintext: plaintexts[party], aad })];
      }),
    ),
  ) as Record<Party, Uint8Array>;

  progress('requesting-upload');
  const upload = await client.createInput(
    collaborationId,
    // The row count lets the coordinator check the sizes and the dealer plan the computation.
    { rowCount: checked.rows.length, shares: { A: declareShare(sealed.A), B: declareShare(sealed.B) } },
    options,
  );

  progress('uploading');
  await Promise.all(
    PARTIES.map(async (party) => {
      await putPresigned(upload.uploads[party], sealed[party], client.storageFetch);
      progress('uploading', { party, bytes: sealed[party].length });
    }),
  );

  progress('completing');
  const input = await client.completeInput(collaborationId, upload.inputId);
  progress('done');
  return input;
}
