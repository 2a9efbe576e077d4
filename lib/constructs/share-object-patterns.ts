import type { Party } from '../../contract/party.ts';
import { storageLayout } from '../../contract/storage/storage-layout.ts';

/**
 * IAM object-key patterns derived from the shared storage layout (never spelled by hand), so that a change of
 * layout changes the grants with it. `*` stands for any collaboration, input, job or recipient id.
 */
export const shareObjectPatterns = {
  inputShares: (party: Party): string => storageLayout.inputShare(party, '*', '*'),
  dealerMaterial: (party: Party): string => `${storageLayout.dealerMaterialPrefix(party, '*')}*`,
  jobDescriptions: (): string => storageLayout.jobDescription('*'),
  resultShares: (party: Party): string => storageLayout.resultShare(party, '*', '*'),
  /** `inputs/<party>/*\/shards/*`: every shard partial of `party`, any job and shard index. */
  shardPartials: (party: Party): string => {
    const key = storageLayout.shardPartial(party, '*', '*', 0);
    return key.slice(0, key.lastIndexOf('*') + 1);
  },
};

export const PARTIES: readonly Party[] = ['A', 'B'];

/** `inputs/A/*\/*.share` -> `inputs/A/*`: the `s3:prefix` a listing of those keys asks for. */
export function listPrefixOf(keyPattern: string): string {
  return `${keyPattern.slice(0, keyPattern.indexOf('*'))}*`;
}
