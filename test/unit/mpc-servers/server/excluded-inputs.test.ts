import { describe, expect, it } from 'vitest';
import { freePort } from '../../../../local/emulators/free-port.ts';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { shareRows } from '../../../../contract/input/input-codec.ts';
import type { JobDescription } from '../../../../contract/job/job-description.ts';
import { decodeResultDetails } from '../../../../contract/result/result-codec.ts';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';
import { bindingAad } from '../../../../contract/crypto/aad.ts';
import { declarationDigest } from '../../../../contract/job/collaboration-declaration.ts';
import { generateKeyPair, open, seal } from '../../../../contract/crypto/hpke.ts';
import { runDealer } from '../../../../mpc-servers/dealer/run-dealer.ts';
import { runServer } from '../../../../mpc-servers/server/run-server.ts';
import { InMemoryJobStatusStore } from '../../../../contract/job/in-memory-job-status-store.ts';
import { InMemoryObjectStore } from '../../../../contract/storage/in-memory-object-store.ts';
import type { Party } from '../../../../contract/party.ts';

/**
 * Bad inputs are excluded, not fatal: a share sealed with the wrong AAD, one made for another schema and one
 * holding fewer rows than declared are left out on both servers, which report the same excludedInputs with
 * DONE and compute over the other inputs (the excluded rows count as dropped). So is an honest share holding
 * more rows than the collaboration's declared maxRowsPerParticipant. With fewer valid inputs than
 * minParticipants the job fails with TOO_FEW_VALID_INPUTS and writes no result share.
 */
const baseSpec: ComputationSpec = {
  fields: [{ name: 'v', type: 'int', min: 0, max: 100 }],
  analyses: [{ kind: 'count' }, { kind: 'sum' }, { kind: 'max' }],
};
const rowsOf = (participant: number): number[][] =>
  Array.from({ length: 10 }, (_, r) => [(participant * 13 + r * 7) % 101]);

type Fault = 'wrong-aad' | 'other-schema' | 'short' | 'over-cap';

/** Participant p's rows with its fault: one row short, or one row more than the others send. */
function faultyRows(participant: number, fault: Fault | undefined): number[][] {
  const rows = rowsOf(participant);
  if (fault === 'short') return rows.slice(0, 9);
  if (fault === 'over-cap') return [...rows, [participant]];
  return rows;
}

async function setUp(
  jobId: string,
  faults: Record<number, Fault>,
  minParticipants: number,
  spec: ComputationSpec = baseSpec,
) {
  const store = new InMemoryObjectStore();
  const results = new InMemoryObjectStore();
  const status = new InMemoryJobStatusStore();
  const servers = { A: await generateKeyPair(), B: await generateKeyPair() };
  const dealer = await generateKeyPair();
  const recipients = await Promise.all([0, 1, 2, 3].map(() => generateKeyPair()));
  const collaborationId = 'c1';
  const seal1 = async (party: Party, participant: number, plaintext: Uint8Array, wrongAad = false) => {
    // Shares bind the participant id (client/sdk/share-bindings.ts); the wrong AAD names another one.
    const inputId = `p${wrongAad ? participant + 100 : participant}`;
    const declared = declarationDigest({ spec, minParticipants, resultRecipients: 'all-participants' });
    const aad = bindingAad({
      purpose: 'input-share',
      collaborationId,
      inputId,
      party,
      declarationDigest: declared,
    });
    await store.putObject(
      storageLayout.inputShare(party, collaborationId, `i${participant}`),
      await seal({ recipientPublicKey: servers[party].publicKey, plaintext, aad }),
    );
  };
  for (const participant of [0, 1, 2, 3]) {
    const fault = faults[participant];
    const rows = faultyRows(participant, fault);
    const fields = fault === 'other-schema' ? [{ ...spec.fields[0]!, max: 1000 }] : spec.fields;
    const payloads = shareRows(rows, fields);
    // A wrong AAD on B only: A finds nothing wrong with that input, and still excludes it.
    await seal1('A', participant, payloads.A);
    await seal1('B', participant, payloads.B, fault === 'wrong-aad');
  }
  const job: JobDescription = {
    jobId,
    collaborationId,
    attempt: 1,
    spec,
    inputs: [0, 1, 2, 3].map((p) => ({
      inputId: `i${p}`,
      participantId: `p${p}`,
      rowCount: faults[p] === 'over-cap' ? 11 : 10,
    })),
    minParticipants,
    resultRecipients: 'all-participants',
    recipients: recipients.map((key, p) => ({ recipientId: `p${p}`, publicKey: key.publicKey })),
    peer: { host: '127.0.0.1', port: await freePort() },
  };
  await store.putObject(storageLayout.jobDescription(jobId), new TextEncoder().encode(JSON.stringify(job)));
  const server = (party: Party) =>
    runServer({
      party,
      jobId,
      inputStore: store,
      resultStore: results,
      status,
      privateKey: servers[party].privateKey,
      dealerPublicKey: dealer.publicKey,
      peerHost: '127.0.0.1',
      allowPlaintext: true,
      linkTimeoutMs: 10_000,
    });
  await runDealer({
    jobId,
    store,
    status,
    dealerPrivateKey: dealer.privateKey,
    serverPublicKeys: { A: servers.A.publicKey, B: servers.B.publicKey },
  });
  const result = async (participant: number) => {
    const shares = await Promise.all(
      (['A', 'B'] as const).map(async (party) =>
        open({
          privateKey: recipients[participant]!.privateKey,
          senderPublicKey: servers[party].publicKey,
          sealed: await results.getObject(
            storageLayout.resultShare(party, collaborationId, `p${participant}`),
          ),
          aad: bindingAad({
            purpose: 'result-share',
            collaborationId,
            jobId,
            party,
            recipientId: `p${participant}`,
          }),
        }),
      ),
    );
    return decodeResultDetails(spec, shares[0]!, shares[1]!);
  };
  return { results, status, server, result };
}

describe('inputs the servers exclude', () => {
  it('wrong AAD, another schema and a wrong row count: DONE with excludedInputs on both, results over the rest', async () => {
    const { status, server, result } = await setUp(
      'j-excluded',
      { 1: 'wrong-aad', 2: 'other-schema', 3: 'short' },
      1,
    );
    await Promise.all([server('B'), server('A')]);
    const job = await status.getJobStatus('j-excluded');
    expect(job.overall).toBe('DONE');
    const excludedInputs = [
      { inputId: 'i1', reason: 'share for B does not open (wrong AAD or key)' },
      {
        inputId: 'i2',
        reason: 'shares for A and B are invalid: schema digest differs (made for another schema)',
      },
      { inputId: 'i3', reason: 'shares for A and B are invalid: declares 10 rows, share holds 9' },
    ];
    expect(job.parties.A).toMatchObject({ state: 'DONE', excludedInputs });
    expect(job.parties.B).toMatchObject({ state: 'DONE', excludedInputs });
    const values = rowsOf(0).map((row) => row[0]!);
    const mine = await result(0);
    expect(mine.analyses.map((analysis) => analysis.value)).toEqual([
      10,
      values.reduce((a, b) => a + b, 0),
      Math.max(...values),
    ]);
    expect(mine).toMatchObject({ droppedRows: 30, ownDroppedRows: 0 });
    // Each excluded input's owner, and only it, reads its own 10 dropped rows.
    expect(await result(1)).toMatchObject({ droppedRows: 30, ownDroppedRows: 10 });
    expect(await result(3)).toMatchObject({ droppedRows: 30, ownDroppedRows: 10 });
  }, 60_000);

  it('an input over the declared maxRowsPerParticipant: excluded on both, results over the rest', async () => {
    const capped: ComputationSpec = { ...baseSpec, maxRowsPerParticipant: 10 };
    const { status, server, result } = await setUp('j-over-cap', { 2: 'over-cap' }, 1, capped);
    await Promise.all([server('B'), server('A')]);
    const job = await status.getJobStatus('j-over-cap');
    const excludedInputs = [
      {
        inputId: 'i2',
        reason:
          "shares for A and B are invalid: declares 11 rows, over the collaboration's maxRowsPerParticipant of 10",
      },
    ];
    expect(job.parties.A).toMatchObject({ state: 'DONE', excludedInputs });
    expect(job.parties.B).toMatchObject({ state: 'DONE', excludedInputs });
    const values = [0, 1, 3].flatMap((participant) => rowsOf(participant).map((row) => row[0]!));
    const mine = await result(0);
    expect(mine.analyses.map((analysis) => analysis.value)).toEqual([
      30,
      values.reduce((a, b) => a + b, 0),
      Math.max(...values),
    ]);
    expect(mine).toMatchObject({ droppedRows: 11, ownDroppedRows: 0 });
    expect(await result(2)).toMatchObject({ droppedRows: 11, ownDroppedRows: 11 });
  }, 60_000);

  it('fewer valid inputs than minParticipants: TOO_FEW_VALID_INPUTS on both servers, no result share', async () => {
    const { results, status, server } = await setUp('j-too-few', { 1: 'wrong-aad', 2: 'short' }, 3);
    const outcomes = await Promise.allSettled([server('B'), server('A')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    const job = await status.getJobStatus('j-too-few');
    for (const party of ['A', 'B'] as const) {
      expect(job.parties[party]).toMatchObject({
        state: 'FAILED',
        reasonCode: 'TOO_FEW_VALID_INPUTS',
        failedInputIds: ['i1', 'i2'],
      });
    }
    expect(await results.listKeys('')).toEqual([]);
  }, 60_000);
});
