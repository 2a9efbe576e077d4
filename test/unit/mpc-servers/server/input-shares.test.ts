import { describe, expect, it } from 'vitest';
import type { SequentialRowSource } from '../../../../mpc-servers/analyses/row-source.ts';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { decodeInputShare, shareRows } from '../../../../contract/input/input-codec.ts';
import type { JobDescription } from '../../../../contract/job/job-description.ts';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';
import { declarationDigest } from '../../../../contract/job/collaboration-declaration.ts';
import { bindingAad } from '../../../../contract/crypto/aad.ts';
import { generateKeyPair, seal } from '../../../../contract/crypto/hpke.ts';
import { concat } from '../../../../contract/sharing/ring.ts';
import { InputShares } from '../../../../mpc-servers/server/input-shares.ts';
import { InMemoryObjectStore } from '../../../../contract/storage/in-memory-object-store.ts';
import type { Party } from '../../../../contract/party.ts';

/**
 * A server's input shares read twice: checked up front (bad ones by input id), then loaded again one at a
 * time for the program, from the kept payload or the store, and refused when they changed in between.
 */
const spec: ComputationSpec = {
  fields: [
    { name: 'a', type: 'int', min: 0, max: 1000 },
    { name: 'b', type: 'int', min: -50, max: 50 },
  ],
  analyses: [{ kind: 'sum' }],
};
const rowCounts = [7, 0, 12, 3];

/** Counts reads and, during the program, checks that no other input is held while a share is fetched. */
class WatchedStore extends InMemoryObjectStore {
  reads = 0;
  source: SequentialRowSource | undefined;
  heldAtRead: (number | undefined)[] = [];
  override async getObject(key: string): Promise<Uint8Array> {
    this.reads++;
    if (this.source) this.heldAtRead.push(this.source.heldInput);
    return super.getObject(key);
  }
}

async function setUp() {
  const store = new WatchedStore();
  const keys = { A: await generateKeyPair(), B: await generateKeyPair() };
  const payloads = rowCounts.map((count, input) =>
    shareRows(
      Array.from({ length: count }, (_, r) => [(input * 31 + r * 7) % 1001, (r % 101) - 50]),
      spec.fields,
    ),
  );
  const job: JobDescription = {
    jobId: 'j1',
    collaborationId: 'c1',
    attempt: 1,
    spec,
    inputs: rowCounts.map((rowCount, i) => ({ inputId: `i${i}`, participantId: `p${i}`, rowCount })),
    minParticipants: 1,
    resultRecipients: 'all-participants',
    recipients: [],
    peer: { host: '127.0.0.1', port: 1 },
  };
  const upload = async (party: Party, input: number, plaintext: Uint8Array): Promise<void> => {
    const aad = bindingAad({
      purpose: 'input-share',
      collaborationId: 'c1',
      inputId: `p${input}`,
      party,
      declarationDigest: declarationDigest(job),
    });
    await store.putObject(
      storageLayout.inputShare(party, 'c1', `i${input}`),
      await seal({ recipientPublicKey: keys[party].publicKey, plaintext, aad }),
    );
  };
  for (const [input, payload] of payloads.entries()) {
    await upload('A', input, payload.A);
    await upload('B', input, payload.B);
  }
  const shares = (party: Party, keptPayloadBytes?: number) =>
    new InputShares({
      party,
      job,
      store,
      privateKey: keys[party].privateKey,
      ...(keptPayloadBytes !== undefined && { keptPayloadBytes }),
    });
  return { store, payloads, job, upload, shares };
}

const total = rowCounts.reduce((a, b) => a + b, 0);

describe('InputShares', () => {
  for (const party of ['A', 'B'] as const) {
    it(`server ${party}: without kept payloads, reads each share again when its rows are due, one at a time`, async () => {
      const { store, payloads, shares } = await setUp();
      const inputs = shares(party, 0);
      expect(await inputs.validate()).toEqual({ failedInputIds: [], reasons: [], unopenedInputIds: [] });
      expect(store.reads).toBe(rowCounts.length);
      const rows = inputs.rows();
      store.source = rows;
      const chunks = [await rows.columns(0, 5), await rows.columns(5, 9), await rows.columns(14, total - 14)];
      // Each non-empty input read once more, never while another input is held.
      expect(store.reads).toBe(rowCounts.length + rowCounts.filter((count) => count > 0).length);
      expect(store.heldAtRead.every((held) => held === undefined)).toBe(true);
      const decoded = payloads.map((payload) => decodeInputShare(party, payload[party], spec.fields));
      for (const f of [0, 1]) {
        expect(concat(chunks.map((chunk) => chunk[f]!))).toEqual(
          concat(decoded.map((input) => input.columns[f]!)),
        );
      }
    });
  }

  it('keeps opened payloads within the budget and reads the rest again', async () => {
    const { store, shares } = await setUp();
    // B's payloads: 24-byte header plus 16 bytes per row; a 300-byte budget keeps inputs 0 (136 B) and 1 (24 B)
    // but not 2 (216 B), then 3 (72 B) fits again.
    const inputs = shares('B', 300);
    await inputs.validate();
    const rows = inputs.rows();
    await rows.columns(0, total);
    expect(store.reads).toBe(rowCounts.length + 1);
    // A's payloads are a header and a seed: all kept under the default budget, no second read.
    const { store: storeA, shares: sharesA } = await setUp();
    const inputsA = sharesA('A');
    await inputsA.validate();
    await inputsA.rows().columns(0, total);
    expect(storeA.reads).toBe(rowCounts.length);
  });

  it('reports missing, unopenable and mis-declared shares against their input ids', async () => {
    const { store, payloads, upload, shares } = await setUp();
    await store.deleteKeys(storageLayout.inputShare('B', 'c1', 'i0'));
    const sealed = await store.getObject(storageLayout.inputShare('B', 'c1', 'i2'));
    sealed[sealed.length - 1]! ^= 1;
    await store.putObject(storageLayout.inputShare('B', 'c1', 'i2'), sealed);
    await upload('B', 3, payloads[2]!.B); // 12 rows where 3 were declared
    const result = await shares('B').validate();
    expect(result.failedInputIds).toEqual(['i0', 'i2', 'i3']);
    expect(result.reasons).toEqual([
      'share for B is missing',
      'share for B does not open (wrong AAD or key)',
      'share for B is invalid: declares 3 rows, share holds 12',
    ]);
  });

  it('fails with BAD_INPUT naming the input when a share changed between the check and its use', async () => {
    const { shares, upload } = await setUp();
    const inputs = shares('B', 0);
    await inputs.validate();
    const rows = inputs.rows();
    await rows.columns(0, 7);
    // Another valid share for the same participant and row count, uploaded after the check.
    await upload(
      'B',
      2,
      shareRows(
        Array.from({ length: 12 }, () => [1, 1]),
        spec.fields,
      ).B,
    );
    await expect(rows.columns(7, 12)).rejects.toMatchObject({
      code: 'BAD_INPUT',
      failedInputIds: ['i2'],
      message: 'input i2 changed after it was checked',
    });
  });

  it('gives rows only after the check', async () => {
    const { shares } = await setUp();
    expect(() => shares('A').rows()).toThrow(/after validate/);
  });
});
