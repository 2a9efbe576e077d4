import { DomainError } from '../../domain/errors.ts';

type Key = Record<string, string>;

/** Opaque page tokens: the LastEvaluatedKey as base64url JSON, checked on the way back in. */
export function encodePageToken(lastEvaluatedKey: Record<string, unknown> | undefined): string | undefined {
  return lastEvaluatedKey ? Buffer.from(JSON.stringify(lastEvaluatedKey)).toString('base64url') : undefined;
}

/**
 * Accepts only a key of exactly the index's attributes, all strings, in the partition being queried, so that
 * a forged token can neither fail inside DynamoDB nor read another partition.
 */
export function decodePageToken(
  token: string | undefined,
  expected: { attributes: readonly string[]; partitionAttribute: string; partitionValue: string },
): Key | undefined {
  if (token === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidToken();
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw invalidToken();
  const entries = Object.entries(key);
  const wanted = new Set(expected.attributes);
  const valid =
    entries.length === wanted.size &&
    entries.every(([name, value]) => wanted.has(name) && typeof value === 'string' && value.length > 0) &&
    (key as Key)[expected.partitionAttribute] === expected.partitionValue;
  if (!valid) throw invalidToken();
  return key as Key;
}

function invalidToken(): DomainError {
  return new DomainError('validation-error', 'nextToken is not a token this listing issued.', [
    { path: 'query.nextToken', message: 'is not a token this listing issued' },
  ]);
}
