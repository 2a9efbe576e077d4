import type { Party } from '../../contract/party.ts';
import type { DealerManifest } from './dealer-envelope.ts';

/**
 * The two ends of the material path, whichever way it goes (`material-path.ts`): through storage
 * (`stored-material.ts`) or streamed from the dealer (`streamed-material.ts`). Both deliver to each server
 * only its own party's material, authenticated as the pinned dealer's and bound to the job, the program
 * digest, the chunk index and the party.
 */

/** A server's end: its manifest, then its chunks in order (asked for at most one ahead). */
export interface MaterialSource {
  manifest(): Promise<DealerManifest>;
  /** The opened chunk `chunk` (0-based); chunks are asked for in order. */
  chunk(chunk: number): Promise<Uint8Array>;
  /** Releases the connection (if any); after a failure too. */
  close(): Promise<void>;
}

/** The dealer's end: the manifests, then each chunk for both parties in order. */
export interface MaterialSink {
  /**
   * Hands out each party's manifest (the seed, the program digest, the chunk count); `step` names each
   * step before it starts, for the dealer's watchdog.
   */
  start(manifests: Record<Party, DealerManifest>, step: (what: string) => void): Promise<void>;
  /** Delivers chunk `chunk` of `party`; resolves once the dealer may make more (backpressure). */
  write(party: Party, chunk: number, material: Uint8Array): Promise<void>;
  /** Resolves once every chunk reached its server. */
  finish(): Promise<void>;
  /** The dealer failed: tell whoever is connected why, then release everything (best effort). */
  abort(reason: string): Promise<void>;
  /** Whether servers read each chunk only once the job status says it is written. */
  readonly reportsEachChunk: boolean;
}
