import type { Party } from '../party.ts';

/**
 * Object keys shared by the coordinator (which presigns uploads), the dealer and servers (which read and
 * write) and the CDK app (which grants each server's role only its own prefixes). The party comes first so
 * that an IAM prefix condition can confine a server to its own shares.
 */
export const storageLayout = {
  /** Sealed input share of one participant's input, uploaded by the client through a presigned PUT. */
  inputShare: (party: Party, collaborationId: string, inputId: string): string =>
    `inputs/${party}/${collaborationId}/${inputId}.share`,
  inputSharePrefix: (party: Party, collaborationId: string): string => `inputs/${party}/${collaborationId}/`,
  /** Job description written by the workflow, read by the dealer and both servers. */
  jobDescription: (jobId: string): string => `jobs/${jobId}/job.json`,
  /** Dealer material for one party, sealed to that party's key. */
  dealerMaterialPrefix: (party: Party, jobId: string): string => `dealer/${party}/${jobId}/`,
  /**
   * A server's partial figures of one shard, sealed to its own key for the combine job `jobId`; under the
   * server's input prefix, so they stay in its own bucket and go with the collaboration's input shares.
   */
  shardPartial: (party: Party, collaborationId: string, jobId: string, index: number): string =>
    `inputs/${party}/${collaborationId}/shards/${jobId}/partial-${index}.partial`,
  /** A server's result share sealed for one recipient (result bucket). */
  resultShare: (party: Party, collaborationId: string, recipientId: string): string =>
    `results/${party}/${collaborationId}/${recipientId}.share`,
};
