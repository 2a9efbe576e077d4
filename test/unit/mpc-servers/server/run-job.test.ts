import { describe, expect, it } from 'vitest';
import { freePort } from '../../../../local/emulators/free-port.ts';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { shareRows } from '../../../../contract/input/input-codec.ts';
import type { JobDescription } from '../../../../contract/job/job-description.ts';
import { decodeResult } from '../../../../contract/result/result-codec.ts';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';
import { bindingAad } from '../../../../contract/crypto/aad.ts';
import { declarationDigest } from '../../../../contract/job/collaboration-declaration.ts';
import { generateKeyPair, open, seal } from '../../../../contract/crypto/hpke.ts';
import { runDealer } from '../../../../mpc-servers/dealer/run-dealer.ts';
import { readSealed } from '../../../../mpc-servers/runtime/dealer-envelope.ts';
import { runServer, type ServerDependencies } from '../../../../mpc-servers/server/run-server.ts';
import { createTlsIdentity } from '../../../../mpc-servers/transport/tls-identity.ts';
import { listenForPeer } from '../../../../mpc-servers/transport/listen-for-peer.ts';
import { InMemoryJobStatusStore } from '../../../../contract/job/in-memory-job-status-store.ts';
import { describeUnfinished } from '../../../../contract/job/job-status.ts';
import { InMemoryObjectStore } from '../../../../contract/storage/in-memory-object-store.ts';

/**
 * Dealer and both servers in one process over the in-memory store and status adapters, linked by real
 * loopback TCP (plaintext, the local-dev mode): the success path, servers started before the dealer (as the
 * workflow starts all three at once), dealer material that is missing or moved, and the dealer's own
 * failures.
 */
const spec: ComputationSpec = {
  fields: [{ name: 'v', type: 'int', min: -100, max: 100 }],
  analyses: [{ kind: 'mean' }, { kind: 'max' }, { kind: 'countBelow', threshold: 0 }],
};

async function setUp(jobId: string, jobSpec: ComputationSpec = spec) {
  const store = new InMemoryObjectStore();
  const results = new InMemoryObjectStore();
  const status = new InMemoryJobStatusStore();
  const servers = { A: await generateKeyPair(), B: await generateKeyPair() };
  const dealer = await generateKeyPair();
  const dealerKeys = {
    dealerPrivateKey: dealer.privateKey,
    serverPublicKeys: { A: servers.A.publicKey, B: servers.B.publicKey },
  };
  const recipient = await generateKeyPair();
  const rows = Array.from({ length: 1500 }, (_, i) => [((i * 37) % 201) - 100]);
  const collaborationId = 'c1';
  const payloads = shareRows(rows, jobSpec.fields);
  for (const party of ['A', 'B'] as const) {
    // Shares bind the participant id (client/sdk/share-bindings.ts).
    const aad = bindingAad({
      purpose: 'input-share',
      collaborationId,
      inputId: 'p1',
      party,
      declarationDigest: declarationDigest({
        spec: jobSpec,
        minParticipants: 1,
        resultRecipients: 'all-participants',
      }),
    });
    await store.putObject(
      storageLayout.inputShare(party, collaborationId, 'i1'),
      await seal({ recipientPublicKey: servers[party].publicKey, plaintext: payloads[party], aad }),
    );
  }
  const job: JobDescription = {
    jobId,
    collaborationId,
    attempt: 1,
    spec: jobSpec,
    inputs: [{ inputId: 'i1', participantId: 'p1', rowCount: rows.length }],
    minParticipants: 1,
    resultRecipients: 'all-participants',
    recipients: [{ recipientId: 'p1', publicKey: recipient.publicKey }],
    peer: { host: '127.0.0.1', port: await freePort() },
  };
  await store.putObject(storageLayout.jobDescription(jobId), new TextEncoder().encode(JSON.stringify(job)));
  const server = (party: 'A' | 'B', link: Partial<ServerDependencies> = {}) =>
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
      ...link,
    });
  return { store, results, status, servers, dealer, dealerKeys, recipient, rows, job, server };
}

describe('dealer and servers in one process', () => {
  it('writes result shares that the recipient opens and decodes', async () => {
    const { store, results, status, recipient, rows, job, server, dealerKeys, servers } = await setUp('j-ok');
    await runDealer({ jobId: 'j-ok', store, status, ...dealerKeys });
    await Promise.all([server('B'), server('A')]);
    const shares = await Promise.all(
      (['A', 'B'] as const).map(async (party) =>
        open({
          privateKey: recipient.privateKey,
          // Auth mode: the share opens only as coming from the server key the recipient pins.
          senderPublicKey: servers[party].publicKey,
          sealed: await results.getObject(storageLayout.resultShare(party, 'c1', 'p1')),
          aad: bindingAad({
            purpose: 'result-share',
            collaborationId: 'c1',
            jobId: 'j-ok',
            party,
            recipientId: 'p1',
          }),
        }),
      ),
    );
    const [mean, max, below] = decodeResult(job.spec, shares[0]!, shares[1]!);
    const values = rows.map((row) => row[0]!);
    expect(mean!.value).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 12);
    expect(max!.value).toBe(Math.max(...values));
    expect(below!.value).toBe(values.filter((v) => v < 0).length);
    expect((await status.getJobStatus('j-ok')).overall).toBe('DONE');
  }, 60_000);

  it('servers started before the dealer wait for its material and compute the same result', async () => {
    const { store, results, status, server, dealerKeys } = await setUp('j-beside');
    // As the workflow starts them: the servers first here, the dealer a moment later.
    const servers = Promise.all([server('B'), server('A')]);
    await new Promise((done) => setTimeout(done, 200));
    expect((await status.getJobStatus('j-beside')).parties.B).toMatchObject({ state: 'RUNNING' });
    await runDealer({ jobId: 'j-beside', store, status, ...dealerKeys });
    await servers;
    expect((await status.getJobStatus('j-beside')).overall).toBe('DONE');
    for (const party of ['A', 'B'] as const)
      expect(await results.exists(storageLayout.resultShare(party, 'c1', 'p1'))).toBe(true);
  }, 60_000);

  it('a dealer that fails while the servers wait fails them with its reason code and no result share', async () => {
    const { store, results, status, server, dealerKeys } = await setUp('j-dealer-fails');
    const servers = Promise.allSettled([server('B'), server('A')]);
    // A store that refuses the dealer's chunks: the dealer writes its manifests, then fails.
    const refusing = Object.assign(Object.create(store) as InMemoryObjectStore, {
      putObject: async (key: string, body: Uint8Array) => {
        if (key.includes('chunk-')) throw new Error('store refuses the write');
        return store.putObject(key, body);
      },
    });
    await expect(
      runDealer({ jobId: 'j-dealer-fails', store: refusing, status, ...dealerKeys }),
    ).rejects.toThrow();
    const outcomes = await servers;
    for (const outcome of outcomes)
      expect(outcome).toMatchObject({
        status: 'rejected',
        reason: {
          code: 'DEALER_MATERIAL_MISSING',
          message: expect.stringMatching(/^the dealer failed before/),
        },
      });
    const failed = await status.getJobStatus('j-dealer-fails');
    expect(failed.overall).toBe('FAILED');
    expect(failed.failures[0]!.party).toBe('DEALER');
    for (const party of ['A', 'B'] as const)
      expect(await results.exists(storageLayout.resultShare(party, 'c1', 'p1'))).toBe(false);
  }, 60_000);

  it('names each server’s phase in its RUNNING reports: B waiting for A shows where it waits', async () => {
    const { store, status, server, dealerKeys } = await setUp('j-phase');
    await runDealer({ jobId: 'j-phase', store, status, ...dealerKeys });
    const b = server('B');
    await expect
      .poll(async () => (await status.getJobStatus('j-phase')).parties.B, { timeout: 20_000 })
      .toMatchObject({ state: 'RUNNING', phase: expect.stringMatching(/^waiting for peer A on port \d+$/) });
    expect(describeUnfinished(await status.getJobStatus('j-phase'))).toMatch(
      /^B: waiting for peer A on port \d+ \(0%, unchanged \d+ s, heartbeat \d+ s ago\); A: no report yet$/,
    );
    await Promise.all([b, server('A')]);
    expect((await status.getJobStatus('j-phase')).overall).toBe('DONE');
  }, 60_000);

  it('B that cannot publish its address fails and stops listening (its port is free again)', async () => {
    const { store, status, job, server, dealerKeys } = await setUp('j-publish');
    await runDealer({ jobId: 'j-publish', store, status, ...dealerKeys });
    const unpublishable = Object.assign(Object.create(status) as InMemoryJobStatusStore, {
      publishEndpoint: async (): Promise<void> => {
        throw new Error('status table unavailable');
      },
    });
    await expect(server('B', { status: unpublishable, advertisedHost: '10.0.0.2' })).rejects.toThrow(
      'status table unavailable',
    );
    const again = await listenForPeer({
      host: '127.0.0.1',
      port: job.peer.port,
      jobId: 'x',
      allowPlaintext: true,
    });
    expect(again.port).toBe(job.peer.port);
    await again.close();
  }, 60_000);

  it('fails with DEALER_MATERIAL_MISSING when a chunk of dealer material is gone', async () => {
    const { store, status, server, dealerKeys } = await setUp('j-missing');
    await runDealer({ jobId: 'j-missing', store, status, ...dealerKeys });
    await store.deleteKeys(`${storageLayout.dealerMaterialPrefix('B', 'j-missing')}chunk-000000`);
    const outcomes = await Promise.allSettled([server('B'), server('A')]);
    expect(outcomes[0]).toMatchObject({ status: 'rejected', reason: { code: 'DEALER_MATERIAL_MISSING' } });
    const b = (await status.getJobStatus('j-missing')).parties.B!;
    expect(b).toMatchObject({ state: 'FAILED', reasonCode: 'DEALER_MATERIAL_MISSING' });
    // A loses its peer when B gives up.
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: { code: 'PEER_LOST' } });
  }, 60_000);

  it('fails with PEER_DISAGREES on both servers when they were given different programs', async () => {
    const a = await setUp('j-differ');
    const b = await setUp('j-differ', { ...spec, analyses: [{ kind: 'mean' }] });
    await runDealer({ jobId: 'j-differ', store: a.store, status: a.status, ...a.dealerKeys });
    await runDealer({ jobId: 'j-differ', store: b.store, status: b.status, ...b.dealerKeys });
    const peerPort = a.job.peer.port;
    const outcomes = await Promise.allSettled([b.server('B', { peerPort }), a.server('A', { peerPort })]);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'PEER_DISAGREES' } });
    }
  }, 60_000);

  it('dealer material moved to another object name or opened by the other server does not open', async () => {
    const { store, status, servers, dealer, dealerKeys } = await setUp('j-moved');
    const keysOf = (party: 'A' | 'B') => ({
      privateKey: servers[party].privateKey,
      dealerPublicKey: dealer.publicKey,
    });
    await runDealer({ jobId: 'j-moved', store, status, ...dealerKeys });
    const scope = { collaborationId: 'c1', jobId: 'j-moved', party: 'B' as const };
    const prefix = storageLayout.dealerMaterialPrefix('B', 'j-moved');
    await store.putObject(`${prefix}chunk-000000`, await store.getObject(`${prefix}manifest`));
    await expect(readSealed(store, scope, keysOf('B'), 0)).rejects.toMatchObject({
      code: 'DEALER_NOT_AUTHENTIC',
    });
    await expect(readSealed(store, scope, keysOf('A'), 'manifest')).rejects.toMatchObject({
      code: 'DEALER_NOT_AUTHENTIC',
    });
    await expect(readSealed(store, scope, keysOf('B'), 'manifest')).resolves.toBeInstanceOf(Uint8Array);
  }, 60_000);

  it('fails with DEALER_NOT_AUTHENTIC and writes no result share when another key sealed the material', async () => {
    const { store, results, status, servers, dealerKeys, server } = await setUp('j-forged');
    // Anyone who can write the bucket can seal to the servers' public keys: here with its own key pair.
    const forger = await generateKeyPair();
    await runDealer({ jobId: 'j-forged', store, status, ...dealerKeys, dealerPrivateKey: forger.privateKey });
    const outcomes = await Promise.allSettled([server('B'), server('A')]);
    for (const outcome of outcomes)
      expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'DEALER_NOT_AUTHENTIC' } });
    expect(await results.listKeys('')).toEqual([]);
    expect(servers.A.publicKey).not.toBe(forger.publicKey);
  }, 60_000);

  it('the dealer fails the job with PROGRAM_INVALID when the spec cannot be computed in the ring', async () => {
    const unbounded: ComputationSpec = {
      fields: [{ name: 'v', type: 'int' }],
      analyses: [{ kind: 'variance' }],
    };
    const { store, status, dealerKeys } = await setUp('j-infeasible', unbounded);
    await expect(runDealer({ jobId: 'j-infeasible', store, status, ...dealerKeys })).rejects.toMatchObject({
      code: 'PROGRAM_INVALID',
    });
    expect((await status.getJobStatus('j-infeasible')).parties.DEALER).toMatchObject({
      state: 'FAILED',
      reasonCode: 'PROGRAM_INVALID',
    });
  });

  it('links over TLS with each server’s own identity and the peer fingerprint it was configured with', async () => {
    const { dealer, store, status, servers, server, dealerKeys } = await setUp('j-tls');
    await runDealer({ jobId: 'j-tls', store, status, ...dealerKeys });
    const identity = { A: createTlsIdentity({ commonName: 'A' }), B: createTlsIdentity({ commonName: 'B' }) };
    const tls = (party: 'A' | 'B', peerFingerprint: string): Partial<ServerDependencies> => ({
      allowPlaintext: false,
      tls: { keyPem: identity[party].keyPem, certPem: identity[party].certPem, peerFingerprint },
    });
    await Promise.all([
      server('B', tls('B', identity.A.fingerprint)),
      server('A', tls('A', identity.B.fingerprint)),
    ]);
    expect((await status.getJobStatus('j-tls')).overall).toBe('DONE');
    // The dealer hands out no link keys: its manifest carries the seed and the program binding only.
    const scope = { collaborationId: 'c1', jobId: 'j-tls', party: 'A' as const };
    const manifest = new TextDecoder().decode(
      await readSealed(
        store,
        scope,
        { privateKey: servers.A.privateKey, dealerPublicKey: dealer.publicKey },
        'manifest',
      ),
    );
    expect(Object.keys(JSON.parse(manifest) as object).sort()).toEqual([
      'chunkCount',
      'jobId',
      'programDigest',
      'seed',
      'version',
    ]);
  }, 60_000);

  it('refuses a peer whose certificate is not the configured one, and refuses to run without TLS', async () => {
    const { store, status, server, dealerKeys } = await setUp('j-pin');
    await runDealer({ jobId: 'j-pin', store, status, ...dealerKeys });
    const [a, b, intruder] = ['A', 'B', 'intruder'].map((commonName) => createTlsIdentity({ commonName }));
    const tls = (own: typeof a, peerFingerprint: string): Partial<ServerDependencies> => ({
      allowPlaintext: false,
      linkTimeoutMs: 3_000,
      tls: { keyPem: own!.keyPem, certPem: own!.certPem, peerFingerprint },
    });
    // B expects A's certificate; an intruder presenting its own is refused on both sides.
    const outcomes = await Promise.allSettled([
      server('B', tls(b, a!.fingerprint)),
      server('A', tls(intruder, b!.fingerprint)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect((await status.getJobStatus('j-pin')).overall).toBe('FAILED');

    const unconfigured = await setUp('j-no-tls');
    await expect(unconfigured.server('A', { allowPlaintext: false })).rejects.toMatchObject({
      code: 'CONFIGURATION',
    });
  }, 60_000);
});
