import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../../../contract/crypto/hpke.ts';
import {
  decodeManifest,
  encodeManifest,
  openMaterial,
  sealMaterial,
  type MaterialScope,
} from '../../../../mpc-servers/runtime/dealer-envelope.ts';
import {
  connectToMaterial,
  MaterialRefusedError,
} from '../../../../mpc-servers/transport/connect-to-material.ts';
import { FramedSocket } from '../../../../mpc-servers/transport/framed-socket.ts';
import { FRAME_TYPE } from '../../../../mpc-servers/transport/frames.ts';
import { materialHello } from '../../../../mpc-servers/transport/material-handshake.ts';
import { serveMaterial, type MaterialOffer } from '../../../../mpc-servers/transport/serve-material.ts';

/** The material stream's handshake over real loopback TCP, with real HPKE keys on both ends. */
const jobId = 'job-handshake';
const scope = (party: 'A' | 'B'): MaterialScope => ({ collaborationId: 'c', jobId, party });

async function setUp() {
  const dealer = await generateKeyPair();
  const servers = { A: await generateKeyPair(), B: await generateKeyPair() };
  const offers = {} as Record<'A' | 'B', MaterialOffer>;
  for (const party of ['A', 'B'] as const) {
    const materialKey = randomBytes(32);
    const manifest = encodeManifest({
      version: 1,
      jobId,
      programDigest: 'd',
      chunkCount: 1,
      seed: '',
      materialKey: materialKey.toString('base64'),
    });
    const sealing = { dealerPrivateKey: dealer.privateKey, serverPublicKey: servers[party].publicKey };
    offers[party] = {
      sealedManifest: await sealMaterial(scope(party), sealing, 'manifest', manifest),
      materialKey,
    };
  }
  const lines: string[] = [];
  const listener = await serveMaterial({
    jobId,
    host: '127.0.0.1',
    port: 0,
    offers,
    log: (l) => lines.push(l),
  });
  const connectAs = (party: 'A' | 'B', privateKey: Uint8Array, options: { jobId?: string } = {}) =>
    connectToMaterial({
      host: '127.0.0.1',
      port: listener.port,
      jobId: options.jobId ?? jobId,
      party,
      connectTimeoutMs: 5_000,
      openManifest: async (sealed) => {
        const opened = await openMaterial(
          scope(party),
          { privateKey, dealerPublicKey: dealer.publicKey },
          'manifest',
          sealed,
        );
        return Buffer.from(decodeManifest(opened).materialKey!, 'base64');
      },
    });
  return { servers, listener, lines, connectAs, offers };
}

describe('material stream handshake', () => {
  it('connects both servers with their pinned keys and carries frames to each', async () => {
    const { servers, listener, connectAs } = await setUp();
    const [a, b] = await Promise.all([
      connectAs('A', servers.A.privateKey),
      connectAs('B', servers.B.privateKey),
    ]);
    const dealerSideB = await listener.connection('B');
    await dealerSideB.send(FRAME_TYPE.data, Uint8Array.of(7, 8));
    expect([...(await b.next(5_000, 'chunk')).payload]).toEqual([7, 8]);
    await Promise.all([a.end(), b.end(), listener.close()]);
  });

  it('a server with another key cannot open the manifest: DEALER_NOT_AUTHENTIC there, refused and logged at the dealer', async () => {
    const { listener, lines, connectAs, offers } = await setUp();
    const impostor = await generateKeyPair();
    await expect(connectAs('A', impostor.privateKey)).rejects.toMatchObject({ code: 'DEALER_NOT_AUTHENTIC' });
    await expect
      .poll(() => lines.join('\n'))
      .toMatch(/refused a connection from 127\.0\.0\.1:\d+: .*server A/);
    const keyText = Buffer.from(offers.A.materialKey).toString('base64');
    expect(lines.join('\n')).not.toContain(keyText);
    await listener.close();
  });

  it('refuses a proof not made with the material key, and another job, with the reason', async () => {
    const { servers, listener, lines, connectAs } = await setUp();
    const socket = connect({ host: '127.0.0.1', port: listener.port });
    await new Promise((resolve) => socket.once('connect', resolve));
    const framed = new FramedSocket(socket, { maxPayloadBytes: 1 << 20 });
    await framed.send(FRAME_TYPE.hello, materialHello('B', jobId));
    expect((await framed.next(5_000, 'manifest')).type).toBe(FRAME_TYPE.hello);
    await framed.send(FRAME_TYPE.data, randomBytes(32));
    const refusal = await framed.next(5_000, 'refusal');
    expect(refusal.type).toBe(FRAME_TYPE.refuse);
    expect(new TextDecoder().decode(refusal.payload)).toContain('proof of server B does not verify');
    await expect.poll(() => lines.join('\n')).toContain('proof of server B does not verify');

    const wrongJob = connectAs('B', servers.B.privateKey, { jobId: 'another-job' });
    await expect(wrongJob).rejects.toBeInstanceOf(MaterialRefusedError);
    await expect(wrongJob).rejects.toThrow(/asks for job another-job/);
    // The real B still gets in after both refusals.
    const b = await connectAs('B', servers.B.privateKey);
    await expect(listener.connection('B')).resolves.toBeDefined();
    await Promise.all([b.end(), listener.close()]);
  });
});
