import { schemaDigest, shareRows } from '../../contract/input/input-codec.ts';
import { seal } from '../../contract/crypto/hpke.ts';
import type { Party } from '../../contract/party.ts';
import { parseInputRows } from '../input/rows.ts';
import type { InputRows } from '../input/rows.ts';
import type { ComputationServer, Input } from './api-models.ts';
import type { CreateOptions, MpcClient } from './mpc-client.ts';
import { declareShare, putPresigned } from './presigned-transfer.ts';
import { checkServerKeyPins, type ServerKeyPins } from './server-key-pins.ts';
import { inputShareAad } from './share-bindings.ts';

export type SubmitStage = 'sharing' | 'requesting-upload' | 'uploading' | 'completing' | 'done';

export interface SubmitOptions extends CreateOptions {
  onProgress?: (stage: SubmitStage, detail?: { party: Party; bytes: number }) => void;
  /** The servers' public keys known out of band: sealing to any other key the coordinator names is refused. */
  pinnedServerKeys?: ServerKeyPins;
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

  checkServerKeyPins(participation.computationServers, options.pinnedServerKeys);
  progress('sharing');
  const plaintexts = shareRows(checked.rows, fields);
  const sealed = Object.fromEntries(
    await Promise.all(
      PARTIES.map(async (party) => {
        const server = serverFor(participation.computationServers, party);
        const aad = inputShareAad(collaborationId, client.clientId, party);
        return [
          party,
          await seal({ recipientPublicKey: server.publicKey, plaintext: plaintexts[party], aad }),
        ];
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

function serverFor(servers: readonly ComputationServer[], party: Party): ComputationServer {
  const server = servers.find((candidate) => candidate.id === party);
  if (!server) throw new Error(`the coordinator named no computation server ${party}`);
  return server;
}
