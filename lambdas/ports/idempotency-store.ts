/** An answer worth replaying: status, headers and body as sent. */
export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'key-reused' }
  | { kind: 'in-progress' };

/** Remembers successful answers to creating requests by (caller, key) with a request fingerprint. */
export interface IdempotencyStore {
  /** Claims the key for this fingerprint, or tells what is already stored under it. */
  claim(scope: string, key: string, fingerprint: string, now: Date): Promise<IdempotencyClaim>;
  complete(scope: string, key: string, response: StoredResponse): Promise<void>;
  /** Forgets a claim whose request failed, so that failures are neither stored nor block a retry. */
  release(scope: string, key: string): Promise<void>;
}
