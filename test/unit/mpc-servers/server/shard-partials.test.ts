import { describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { generateKeyPair } from '../../../../contract/crypto/hpke.ts';
import type { JobDescription } from '../../../../contract/job/job-description.ts';
import { InMemoryObjectStore } from '../../../../contract/storage/in-memory-object-store.ts';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';
import { compileProgram } from '../../../../mpc-servers/analyses/program.ts';
import { emptyAccumulators } from '../../../../mpc-servers/analyses/chunk-program.ts';
import {
  readPartial,
  writePartial,
  type PartialPlace,
} from '../../../../mpc-servers/server/shard-partials.ts';

const spec: ComputationSpec = {
  fields: [{ name: 'v', type: 'int', min: 0, max: 100 }],
  analyses: [{ kind: 'mean' }, { kind: 'histogram', field: 'v', binEdges: [10, 50] }, { kind: 'max' }],
};
const job: JobDescription = {
  jobId: 'job',
  collaborationId: 'c',
  attempt: 1,
  spec,
  inputs: [0, 1, 2].map((i) => ({ inputId: `input-${i}`, participantId: `p-${i}`, rowCount: 5 })),
  minParticipants: 1,
  resultRecipients: 'all-participants',
  recipients: [],
  peer: { host: '127.0.0.1', port: 1 },
};
const program = compileProgram(spec, 15);

function partialFor(place: PartialPlace) {
  const accumulators = emptyAccumulators(program);
  accumulators.sums[0] = 2n ** 100n + BigInt(place.index);
  accumulators.below[0] = [3n, 2n ** 64n - 1n];
  accumulators.extremes = BigUint64Array.of(42n);
  return {
    accumulators,
    droppedByInput: BigUint64Array.of(7n),
    cells: undefined,
    excludedInputs: [],
    unopenedInputIds: [],
  };
}

describe('shard partials', () => {
  it('open only for the same domain, the same shard place and the same inputs', async () => {
    const store = new InMemoryObjectStore();
    const a = await generateKeyPair();
    const b = await generateKeyPair();
    const place: PartialPlace = { job, combineJobId: 'job', party: 'A', index: 1, count: 3 };
    await writePartial(store, place, a.privateKey, [1], partialFor(place));
    const read = await readPartial(store, place, a.privateKey, program, [1]);
    expect(read.accumulators.sums[0]).toBe(2n ** 100n + 1n);
    expect(read.accumulators.below[0]).toEqual([3n, 2n ** 64n - 1n]);
    expect([...read.accumulators.extremes!]).toEqual([42n]);
    expect([...read.droppedByInput]).toEqual([7n]);

    // B's key cannot open A's partial; a partial sealed by another key (whoever writes the bucket) fails.
    await expect(readPartial(store, place, b.privateKey, program, [1])).rejects.toMatchObject({
      code: 'SHARD_PARTIAL_INVALID',
    });
    const forged = await generateKeyPair();
    await writePartial(store, place, forged.privateKey, [1], partialFor(place));
    await expect(readPartial(store, place, a.privateKey, program, [1])).rejects.toMatchObject({
      code: 'SHARD_PARTIAL_INVALID',
    });

    // Another count, another job's inputs, another combine job: the AAD differs, nothing opens.
    await writePartial(store, place, a.privateKey, [1], partialFor(place));
    const sealed = await store.getObject(storageLayout.shardPartial('A', 'c', 'job', 1));
    for (const other of [
      { ...place, count: 2 },
      { ...place, job: { ...job, inputs: job.inputs.slice(0, 2) } },
    ]) {
      await store.putObject(storageLayout.shardPartial('A', 'c', 'job', 1), sealed);
      await expect(readPartial(store, other, a.privateKey, program, [1])).rejects.toMatchObject({
        code: 'SHARD_PARTIAL_INVALID',
      });
    }
    await expect(
      readPartial(store, { ...place, combineJobId: 'job-2' }, a.privateKey, program, [1]),
    ).rejects.toMatchObject({ code: 'SHARD_PARTIAL_MISSING' });
    // A partial for other inputs than this server derives for the shard is refused after it opens.
    await expect(readPartial(store, place, a.privateKey, program, [2])).rejects.toMatchObject({
      code: 'SHARD_PARTIAL_INVALID',
      message: expect.stringMatching(/other inputs/),
    });
  });
});
