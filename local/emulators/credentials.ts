/** s3rver accepts only this key pair; DynamoDB Local accepts any, so every local client uses it. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
export const LOCAL_REGION = 'us-east-1';

/**
 * One key pair per principal of the three domains (DESIGN.md section 2), so that the local emulators can tell
 * them apart: the coordinator's functions, the dealer (the coordinator's domain, its own task role), server A,
 * server B. s3rver knows every pair (s3-domain-access.ts); DynamoDB Local runs with one database for all.
 */
export const DOMAIN_CREDENTIALS = {
  coordinator: LOCAL_CREDENTIALS,
  dealer: { accessKeyId: 'MPCDEALER', secretAccessKey: 'MPCDEALER' },
  serverA: { accessKeyId: 'MPCSERVERA', secretAccessKey: 'MPCSERVERA' },
  serverB: { accessKeyId: 'MPCSERVERB', secretAccessKey: 'MPCSERVERB' },
} as const;
