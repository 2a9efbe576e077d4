import type { Party } from '../../contract/party.ts';
import { storageLayout } from '../../contract/storage/storage-layout.ts';
import { DOMAIN_CREDENTIALS } from '../emulators/credentials.ts';
import type { S3AccessRule } from '../emulators/s3-domain-access.ts';
import type { S3DomainKeys } from '../emulators/s3-server.ts';

/** The coordinator's buckets and each server's own input bucket. */
export interface DomainBuckets {
  inputBucket: string;
  resultBucket: string;
  serverInputBuckets: Readonly<Record<Party, string>>;
}

/** The fixed start of a storage-layout key, up to its first id. */
const prefixOf = (key: string): string => key.slice(0, key.indexOf('\0'));
const READ = ['GET', 'HEAD', 'LIST'] as const;

/** Any shard partial of `party`: each id one path segment, the key's last number the shard index. */
function shardPartialPattern(party: Party): RegExp {
  const escaped = storageLayout
    .shardPartial(party, '\0', '\0', 0)
    .split('\0')
    .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[^/]+').replace(/0(?=\D*$)/, '\\d+')}$`);
}

/**
 * What the dealer's and each server's credentials may do in the local S3, as their task roles may on AWS
 * (lib/constructs/mpc-tasks.ts, lib/constructs/server-domain-grants.ts): a server reads the input shares
 * sealed to it from its own bucket only, its job description and dealer material from the coordinator's, and
 * writes only its result shares and, in its own bucket, its shard partials; nothing of the other server's. The coordinator's credentials stay
 * unrestricted here (the tools and tests create and empty buckets with them).
 */
export function localDomainAccess(buckets: DomainBuckets): S3DomainKeys {
  const jobs = prefixOf(storageLayout.jobDescription('\0'));
  const server = (party: Party): S3AccessRule[] => [
    {
      bucket: buckets.serverInputBuckets[party],
      prefixes: [prefixOf(storageLayout.inputShare(party, '\0', '\0'))],
      methods: READ,
    },
    {
      bucket: buckets.serverInputBuckets[party],
      prefixes: [prefixOf(storageLayout.shardPartial(party, '\0', '\0', 0))],
      methods: ['PUT'],
      keyPattern: shardPartialPattern(party),
    },
    {
      bucket: buckets.inputBucket,
      prefixes: [jobs, prefixOf(storageLayout.dealerMaterialPrefix(party, '\0'))],
      methods: READ,
    },
    {
      bucket: buckets.resultBucket,
      prefixes: [prefixOf(storageLayout.resultShare(party, '\0', '\0'))],
      methods: ['PUT'],
    },
  ];
  const { dealer, serverA, serverB } = DOMAIN_CREDENTIALS;
  return {
    keys: [dealer, serverA, serverB],
    policy: {
      [dealer.accessKeyId]: [
        { bucket: buckets.inputBucket, prefixes: [jobs], methods: READ },
        {
          bucket: buckets.inputBucket,
          prefixes: (['A', 'B'] as const).map((party) =>
            prefixOf(storageLayout.dealerMaterialPrefix(party, '\0')),
          ),
          methods: ['PUT'],
        },
      ],
      [serverA.accessKeyId]: server('A'),
      [serverB.accessKeyId]: server('B'),
    },
  };
}
