import { createHash } from 'node:crypto';
import { SequentialRowSource, type InputColumns } from '../analyses/row-source.ts';
import { checkInputShare, decodeInputShare, InputShareError } from '../../contract/input/input-codec.ts';
import { declarationDigest } from '../../contract/job/collaboration-declaration.ts';
import type { JobDescription } from '../../contract/job/job-description.ts';
import { storageLayout } from '../../contract/storage/storage-layout.ts';
import { HpkeOpenError } from '../../contract/crypto/hpke.ts';
import { JobFailure } from '../runtime/failure.ts';
import { MAX_INPUT_ROWS } from '../../contract/input/input-limits.ts';
import { rowCapOf } from '../../contract/input/row-cap.ts';
import { ringVector } from '../../contract/sharing/ring.ts';
import { ObjectNotFoundError, type ObjectStore } from '../../contract/storage/object-store.ts';
import { getOpened } from '../storage/sealed-objects.ts';
import type { Party } from '../../contract/party.ts';

/**
 * One server's input shares of a job, read twice so that memory does not grow with the number of inputs:
 *
 * 1. `validate` opens and decodes every share up front and reports bad ones against their input ids (the
 *    servers agree on that set before computing), but keeps only each payload's SHA-256, and the opened
 *    payload itself while all kept payloads stay under `keptPayloadBytes` (A's are a 40-byte seed each;
 *    B's words only for small jobs).
 * 2. `rows()` is the program's row source: input k is opened and decoded again when a chunk first needs its
 *    rows (from the kept payload or the store), checked against the digest seen in step 1, and dropped once
 *    its rows are taken (`SequentialRowSource`). So a server holds one decoded share plus the kept payloads.
 */
export interface InputSharesOptions {
  party: Party;
  job: JobDescription;
  store: ObjectStore;
  privateKey: Uint8Array;
  /** Budget for opened payloads kept between the two reads (default 16 MiB). */
  keptPayloadBytes?: number;
}

export const DEFAULT_KEPT_PAYLOAD_BYTES = 16 << 20;

export interface InputValidation {
  failedInputIds: string[];
  reasons: string[];
  /** The failed inputs whose share does not open under the job's key and declaration. */
  unopenedInputIds: string[];
}

export class InputShares {
  readonly #options: InputSharesOptions;
  readonly #digests: string[] = [];
  readonly #kept = new Map<number, Uint8Array>();
  #validated = false;

  constructor(options: InputSharesOptions) {
    this.#options = options;
  }

  /** Opens and decodes every share once; what is wrong with each bad one, by input id. */
  async validate(): Promise<InputValidation> {
    const { party, job } = this.#options;
    const budget = this.#options.keptPayloadBytes ?? DEFAULT_KEPT_PAYLOAD_BYTES;
    let keptBytes = 0;
    const failedInputIds: string[] = [];
    const reasons: string[] = [];
    const unopenedInputIds: string[] = [];
    // The collaboration's declared cap (bound into every share's AAD through the declaration digest), so
    // a participant that bypasses the coordinator cannot send more rows than the noise is scaled to.
    const rowCap = rowCapOf(job.spec);
    for (const [index, input] of job.inputs.entries()) {
      try {
        if (input.rowCount > MAX_INPUT_ROWS)
          throw new InputShareError(`declares ${input.rowCount} rows, over the cap of ${MAX_INPUT_ROWS}`);
        if (input.rowCount > rowCap)
          throw new InputShareError(
            `declares ${input.rowCount} rows, over the collaboration's maxRowsPerParticipant of ${rowCap}`,
          );
        const payload = await this.#open(index);
        this.#check(index, payload); // every check of decoding, without building the columns
        this.#digests[index] = digestOf(payload);
        if (keptBytes + payload.byteLength <= budget) {
          this.#kept.set(index, payload);
          keptBytes += payload.byteLength;
        }
      } catch (error) {
        const why = badShareReason(error);
        if (why === null) throw error;
        failedInputIds.push(input.inputId);
        reasons.push(`share for ${party} ${why}`);
        if (error instanceof HpkeOpenError) unopenedInputIds.push(input.inputId);
      }
    }
    this.#validated = true;
    return { failedInputIds, reasons, unopenedInputIds };
  }

  /**
   * The rows of all inputs in order, each input loaded again when its turn comes. Only after `validate`.
   * An excluded input (bad on either server) keeps its declared rows, so the dealer's material still fits,
   * but as the public word 2^63 on A and 0 on B: outside every field's bounds, so the range check drops them.
   */
  rows(excludedInputIds: ReadonlySet<string> = new Set()): SequentialRowSource {
    const { job } = this.#options;
    if (!this.#validated) throw new Error('input shares are read for the program only after validate()');
    return new SequentialRowSource(
      job.spec.fields.length,
      job.inputs.map((input) => input.rowCount),
      (index) =>
        excludedInputIds.has(job.inputs[index]!.inputId)
          ? Promise.resolve(this.#invalidRows(index))
          : this.#load(index),
    );
  }

  #invalidRows(index: number): InputColumns {
    const { party, job } = this.#options;
    const rowCount = job.inputs[index]!.rowCount;
    const word = party === 'A' ? 1n << 63n : 0n;
    return { rowCount, columns: job.spec.fields.map(() => ringVector(rowCount).fill(word)) };
  }

  async #load(index: number): Promise<InputColumns> {
    const inputId = this.#options.job.inputs[index]!.inputId;
    const digest = this.#digests[index];
    if (digest === undefined) throw new Error(`input ${inputId} failed validation and has no rows`);
    let payload: Uint8Array;
    try {
      payload = this.#kept.get(index) ?? (await this.#open(index));
    } catch (error) {
      const why = badShareReason(error);
      if (why === null) throw error;
      throw new JobFailure('BAD_INPUT', `input ${inputId} changed after it was checked: ${why}`, [inputId]);
    }
    if (digestOf(payload) !== digest)
      throw new JobFailure('BAD_INPUT', `input ${inputId} changed after it was checked`, [inputId]);
    return this.#decode(index, payload);
  }

  #open(index: number): Promise<Uint8Array> {
    const { party, job, store, privateKey } = this.#options;
    const input = job.inputs[index]!;
    return getOpened(store, storageLayout.inputShare(party, job.collaborationId, input.inputId), {
      privateKey,
      binding: {
        purpose: 'input-share',
        collaborationId: job.collaborationId,
        // The client seals before the coordinator issues the inputId (the declared SHA-256 depends on the
        // AAD), so shares bind the participant id, unique per collaboration (client/sdk/share-bindings.ts).
        inputId: input.participantId,
        party,
        // The declaration the participant agreed to: a job misstating it opens no share.
        declarationDigest: declarationDigest(job),
      },
    });
  }

  #check(index: number, payload: Uint8Array): void {
    const { party, job } = this.#options;
    this.#expectDeclaredRows(index, checkInputShare(party, payload, job.spec.fields));
  }

  #decode(index: number, payload: Uint8Array): InputColumns {
    const { party, job } = this.#options;
    const decoded = decodeInputShare(party, payload, job.spec.fields);
    this.#expectDeclaredRows(index, decoded.rowCount);
    return decoded;
  }

  #expectDeclaredRows(index: number, rowCount: number): void {
    const declared = this.#options.job.inputs[index]!.rowCount;
    if (rowCount !== declared)
      throw new InputShareError(`declares ${declared} rows, share holds ${rowCount}`);
  }
}

const digestOf = (payload: Uint8Array): string => createHash('sha256').update(payload).digest('base64');

/**
 * Why a share is bad, completing "share for B ...", or null when the error is not about the share (the job
 * fails as a whole). Readable and free of secret material: participants see it on their participation.
 */
function badShareReason(error: unknown): string | null {
  if (error instanceof ObjectNotFoundError) return 'is missing';
  if (error instanceof HpkeOpenError) return 'does not open (wrong AAD or key)';
  if (error instanceof InputShareError) return `is invalid: ${error.message}`;
  return null;
}
