import type { Collaboration } from '../domain/collaboration.ts';
// Its own module: the result use case's graph reaches the HPKE library, which only getCollaboration should carry.
import { RETRY_AFTER_SECONDS } from '../use-cases/get-result.ts';

/** While a collaboration computes (or still collects inputs), clients are told when to look again. */
export function retryAfterHeaders(collaboration: Collaboration): Record<string, string> {
  return collaboration.status === 'COMPUTING' ? { 'retry-after': String(RETRY_AFTER_SECONDS.COMPUTING) } : {};
}
