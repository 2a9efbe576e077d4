import { bindingAad, type ShareBinding } from '../../contract/crypto/aad.ts';
import { HpkeOpenError, open, publicKeyFromPrivateKey, seal } from '../../contract/crypto/hpke.ts';
import type { JobDescription } from '../../contract/job/job-description.ts';
import type { ExcludedInput } from '../../contract/job/job-status.ts';
import type { Party } from '../../contract/party.ts';
import { ObjectNotFoundError, type ObjectStore } from '../../contract/storage/object-store.ts';
import { storageLayout } from '../../contract/storage/storage-layout.ts';
import type { PartialFigures } from '../analyses/combine-program.ts';
import type { CellAccumulators } from '../analyses/group-by-program.ts';
import type { Program } from '../analyses/program.ts';
import { JobFailure } from '../runtime/failure.ts';
import { inputsDigest } from '../runtime/job-stage.ts';

/**
 * A shard's partial figures as one server writes them for the combine job: its shares of the accumulators
 * (sums and sums of squares in Z_2^128, threshold counts, one extreme per series, group-by cells), of the
 * invalid rows per input, and the inputs the shard's pair excluded. Sealed in HPKE Auth mode from the server's own key to its
 * own key, as the dealer seals material from the dealer's key: only a server of the same domain can have
 * made it (not the coordinator, who can write the bucket) and only a server of that domain opens it, so A
 * never sees B's partials. The AAD binds the combine job, the party, the shard's position `index/count` and
 * the digest of the whole job's inputs, so a partial cannot be moved to another shard, count or job.
 *
 * Plaintext: JSON, version 1, words as decimal strings.
 */
export interface ShardPartial extends PartialFigures {
  excludedInputs: ExcludedInput[];
  /** The shard's inputs whose share for this server did not open (see SPEC_DIGEST_MISMATCH). */
  unopenedInputIds: string[];
}

interface PartialJson {
  version: 1;
  index: number;
  count: number;
  inputIndexes: number[];
  sums: string[];
  sumSquares: string[];
  below: string[][];
  extremes: string[];
  droppedByInput: string[];
  /** Group-by cells: counts per group and cell; sums and sums of squares per group, summed field and cell. */
  cells?: { counts: string[][]; sums: string[][][]; sumSquares: string[][][] };
  excludedInputs: ExcludedInput[];
  unopenedInputIds: string[];
}

export interface PartialPlace {
  job: JobDescription;
  /** The combine job's id (for a part, `shard.combineJobId`). */
  combineJobId: string;
  party: Party;
  index: number;
  count: number;
}

function bindingOf(place: PartialPlace): ShareBinding {
  return {
    purpose: 'shard-partial',
    collaborationId: place.job.collaborationId,
    jobId: place.combineJobId,
    party: place.party,
    index: place.index,
    count: place.count,
    inputsDigest: inputsDigest(place.job),
  };
}

const keyOf = (place: PartialPlace): string =>
  storageLayout.shardPartial(place.party, place.job.collaborationId, place.combineJobId, place.index);

const words = (vector: Iterable<bigint>): string[] => Array.from(vector, (word) => word.toString());

export async function writePartial(
  store: ObjectStore,
  place: PartialPlace,
  privateKey: Uint8Array,
  inputIndexes: readonly number[],
  partial: ShardPartial,
): Promise<void> {
  const { accumulators } = partial;
  const json: PartialJson = {
    version: 1,
    index: place.index,
    count: place.count,
    inputIndexes: [...inputIndexes],
    sums: words(accumulators.sums),
    sumSquares: words(accumulators.sumSquares),
    below: accumulators.below.map(words),
    extremes: words(accumulators.extremes ?? []),
    droppedByInput: words(partial.droppedByInput),
    ...(partial.cells && {
      cells: {
        counts: partial.cells.counts.map(words),
        sums: partial.cells.sums.map((group) => group.map(words)),
        sumSquares: partial.cells.sumSquares.map((group) => group.map(words)),
      },
    }),
    excludedInputs: partial.excludedInputs,
    unopenedInputIds: partial.unopenedInputIds,
  };
  const sealed = await seal({
    recipientPublicKey: publicKeyFromPrivateKey(privateKey),
    senderPrivateKey: privateKey,
    plaintext: new TextEncoder().encode(JSON.stringify(json)),
    aad: bindingAad(bindingOf(place)),
  });
  await store.putObject(keyOf(place), sealed);
}

/**
 * Reads and opens the partial at `place` and checks it against the program and the shard's inputs as this
 * server derives them; any mismatch is SHARD_PARTIAL_INVALID, a missing one SHARD_PARTIAL_MISSING.
 */
export async function readPartial(
  store: ObjectStore,
  place: PartialPlace,
  privateKey: Uint8Array,
  program: Program,
  inputIndexes: readonly number[],
): Promise<ShardPartial> {
  const name = `partial ${place.index + 1} of ${place.count} for server ${place.party}`;
  const invalid = (what: string): never => {
    throw new JobFailure('SHARD_PARTIAL_INVALID', `shard ${name}: ${what}`);
  };
  let sealed: Uint8Array;
  try {
    sealed = await store.getObject(keyOf(place));
  } catch (error) {
    if (error instanceof ObjectNotFoundError)
      throw new JobFailure('SHARD_PARTIAL_MISSING', `shard ${name} is missing: did the shard job finish?`);
    throw error;
  }
  let plaintext: Uint8Array;
  try {
    plaintext = await open({
      privateKey,
      senderPublicKey: publicKeyFromPrivateKey(privateKey),
      sealed,
      aad: bindingAad(bindingOf(place)),
    });
  } catch (error) {
    if (error instanceof HpkeOpenError)
      return invalid('does not open (not sealed by this domain for this shard of this job, or altered)');
    throw error;
  }
  let json: PartialJson;
  try {
    json = JSON.parse(new TextDecoder().decode(plaintext)) as PartialJson;
  } catch {
    return invalid('is not JSON');
  }
  if (json.version !== 1 || json.index !== place.index || json.count !== place.count)
    invalid('names another shard');
  if (JSON.stringify(json.inputIndexes) !== JSON.stringify(inputIndexes)) invalid('covers other inputs');
  const vector = (values: unknown, length: number, what: string): BigUint64Array => {
    if (!Array.isArray(values) || values.length !== length) invalid(`${what} has the wrong length`);
    try {
      return BigUint64Array.from((values as string[]).map((value) => BigInt.asUintN(64, BigInt(value))));
    } catch {
      return invalid(`${what} is not a list of words`);
    }
  };
  const wide = (values: unknown, what: string, length = program.fields.length): bigint[] => {
    if (!Array.isArray(values) || values.length !== length) invalid(`${what} has the wrong length`);
    try {
      return (values as string[]).map((value) => BigInt.asUintN(128, BigInt(value)));
    } catch {
      return invalid(`${what} is not a list of words`);
    }
  };
  const list = <T>(values: unknown, length: number, what: string): T[] => {
    if (!Array.isArray(values) || values.length !== length) invalid(`${what} has the wrong length`);
    return values as T[];
  };
  const groups = program.groups?.groups;
  if (groups && json.cells === undefined) invalid('cells missing');
  const cells = groups
    ? {
        counts: list<string[]>(json.cells!.counts, groups.length, 'cell counts').map((counts, g) =>
          Array.from(vector(counts, groups[g]!.categories, 'cell counts')),
        ),
        ...Object.fromEntries(
          (['sums', 'sumSquares'] as const).map((key) => [
            key,
            list<string[][]>(json.cells![key], groups.length, `cell ${key}`).map((sums, g) =>
              list<string[]>(sums, groups[g]!.sums.length, `cell ${key}`).map((cellSums) =>
                wide(cellSums, `cell ${key}`, groups[g]!.categories),
              ),
            ),
          ]),
        ),
      }
    : undefined;
  if (!Array.isArray(json.below) || json.below.length !== program.fields.length)
    invalid('below has the wrong length');
  if (!Array.isArray(json.excludedInputs)) invalid('excludedInputs missing');
  const own = new Set(inputIndexes.map((index) => place.job.inputs[index]!.inputId));
  if (!Array.isArray(json.unopenedInputIds) || !json.unopenedInputIds.every((id) => own.has(id)))
    invalid("unopenedInputIds are not the shard's inputs");
  return {
    accumulators: {
      sums: wide(json.sums, 'sums'),
      sumSquares: wide(json.sumSquares, 'sumSquares'),
      below: program.fields.map((field, f) =>
        Array.from(vector(json.below[f], field.thresholds.length, 'below')),
      ),
      extremes:
        program.series.length > 0 ? vector(json.extremes, program.series.length, 'extremes') : undefined,
    },
    droppedByInput: vector(json.droppedByInput, inputIndexes.length, 'droppedByInput'),
    cells: cells as CellAccumulators | undefined,
    excludedInputs: json.excludedInputs,
    unopenedInputIds: json.unopenedInputIds,
  };
}
