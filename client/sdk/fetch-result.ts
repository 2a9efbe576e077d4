import { decodeResultDetails } from '../../contract/result/result-codec.ts';
import type { AnalysisResult, DecodedResult } from '../../contract/result/result-codec.ts';
import { open } from '../../contract/crypto/hpke.ts';
import type { Party } from '../../contract/party.ts';
import type { KeyStore } from '../keys/key-store.ts';
import type { Collaboration, ResultReady } from './api-models.ts';
import type { MpcClient } from './mpc-client.ts';
import { getPresigned } from './presigned-transfer.ts';
import { requireBothPins, type CompleteServerKeyPins, type ServerKeyPins } from './server-key-pins.ts';
import { resultShareAad } from './share-bindings.ts';
import { storedServerKeys, trustedServerKeys, type TrustOnFirstUse } from './trust-on-first-use.ts';

export type { AnalysisResult, DecodedResult } from '../../contract/result/result-codec.ts';

/** The result is not there yet: wait (`waitForResult`) and ask again. */
export class ResultNotReadyError extends Error {
  constructor(
    readonly status: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`result not ready: collaboration is ${status}, retry in ${retryAfterSeconds} s`);
    this.name = 'ResultNotReadyError';
  }
}

export interface FetchResultOptions {
  /** The job (computation attempt) whose shares to open, when the coordinator's answer does not say. */
  jobId?: string;
  /** Both servers' pinned public keys: each result share opens only as sealed by its server's key. */
  pinnedServerKeys?: ServerKeyPins;
  /** Development only, when no pins are given: the keys stored on first use (see trust-on-first-use.ts). */
  trustOnFirstUse?: TrustOnFirstUse;
}

/**
 * Downloads this client's two sealed result shares, opens them with the stored result key and adds them:
 * the statistics in the order of the collaboration's analyses. Neither share alone reveals anything. Each
 * share is sealed in HPKE Auth mode by its server, so it opens only as coming from the key pinned for that
 * server: a share made by anyone else (the coordinator) is refused.
 */
export async function fetchResultDetails(
  client: MpcClient,
  keys: KeyStore,
  collaborationId: string,
  options: FetchResultOptions = {},
): Promise<DecodedResult> {
  const answer = await client.getResult(collaborationId);
  if (!answer.ready) throw new ResultNotReadyError(answer.status, answer.retryAfterSeconds);
  const jobId = jobIdOf(answer, options);
  const pins = await serverKeysToOpenFrom(client, options);
  const [collaboration, { privateKey }, sealedA, sealedB] = await Promise.all([
    client.getCollaboration(collaborationId),
    keys.require(client.clientId, collaborationId),
    getPresigned(answer.shares.A, client.storageFetch),
    getPresigned(answer.shares.B, client.storageFetch),
  ]);
  const openShare = (party: Party, sealed: Uint8Array): Promise<Uint8Array> =>
    open({
      privateKey,
      sealed,
      senderPublicKey: pins[party],
      aad: resultShareAad(collaborationId, jobId, party, client.clientId),
    });
  const [shareA, shareB] = await Promise.all([openShare('A', sealedA), openShare('B', sealedB)]);
  return decodeResultDetails(computationSpecOf(collaboration), shareA, shareB);
}

/**
 * The statistics alone (`fetchResultDetails` also gives the rows the servers dropped as invalid: in all,
 * and of this client's own input, which only this client can read).
 */
export async function fetchResult(
  client: MpcClient,
  keys: KeyStore,
  collaborationId: string,
  options: FetchResultOptions = {},
): Promise<AnalysisResult[]> {
  return (await fetchResultDetails(client, keys, collaborationId, options)).analyses;
}

async function serverKeysToOpenFrom(
  client: MpcClient,
  options: FetchResultOptions,
): Promise<CompleteServerKeyPins> {
  if (options.pinnedServerKeys === undefined && options.trustOnFirstUse !== undefined) {
    const stored = await storedServerKeys(options.trustOnFirstUse);
    return stored ?? trustedServerKeys(options.trustOnFirstUse, await client.listComputationServers());
  }
  return requireBothPins(options.pinnedServerKeys);
}

function computationSpecOf(collaboration: Collaboration) {
  const { minCellSize, privacy, maxRowsPerParticipant } = collaboration;
  return {
    fields: collaboration.inputSchema.fields,
    analyses: collaboration.analyses,
    ...(minCellSize === undefined ? {} : { minCellSize }),
    ...(privacy === undefined ? {} : { privacy }),
    ...(maxRowsPerParticipant === undefined ? {} : { maxRowsPerParticipant }),
  };
}

/** The result shares are bound to the job that computed them; the answer names it. */
function jobIdOf(answer: ResultReady, options: FetchResultOptions): string {
  const jobId = answer.jobId ?? options.jobId;
  if (!jobId) throw new Error('the coordinator did not say which job computed the result (jobId)');
  return jobId;
}
