import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bindingAad } from '../../../../mpc-servers/crypto/aad.ts';
import { openChunks, sealChunks } from '../../../../mpc-servers/crypto/chunked-hpke.ts';
import { HpkeOpenError, generateKeyPair } from '../../../../mpc-servers/crypto/hpke.ts';

const aad = bindingAad({ purpose: 'dealer-material', collaborationId: 'c', jobId: 'job-1', party: 'B' });

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const item of source) out.push(item);
  return out;
}

async function* from(parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* parts;
}

/** Re-splits a byte stream at arbitrary points, as a network or S3 body would. */
function resplit(parts: Uint8Array[], pieceSize: number): Uint8Array[] {
  const all = Buffer.concat(parts);
  const out: Uint8Array[] = [];
  for (let i = 0; i < all.length; i += pieceSize) out.push(all.subarray(i, i + pieceSize));
  return out;
}

describe('chunked hpke', () => {
  it('round-trips many chunks whatever the byte stream split', async () => {
    const keys = await generateKeyPair();
    const chunks = [1000, 0, 65536, 3, 200_000].map((n) => new Uint8Array(randomBytes(n)));
    const sealed = await collect(sealChunks(chunks, { recipientPublicKey: keys.publicKey, aad }));
    expect(sealed).toHaveLength(chunks.length + 1); // header + one frame per chunk
    for (const pieceSize of [13, 4096, 1 << 20]) {
      const opened = await collect(
        openChunks(from(resplit(sealed, pieceSize)), { privateKey: keys.privateKey, aad }),
      );
      expect(Buffer.concat(opened).equals(Buffer.concat(chunks))).toBe(true);
      expect(opened.map((chunk) => chunk.length)).toEqual(chunks.map((chunk) => chunk.length));
    }
  });

  it('round-trips an empty source as one empty last chunk', async () => {
    const keys = await generateKeyPair();
    const sealed = await collect(sealChunks([], { recipientPublicKey: keys.publicKey, aad }));
    const opened = await collect(openChunks(from(sealed), { privateKey: keys.privateKey, aad }));
    expect(opened).toEqual([new Uint8Array(0)]);
  });

  async function sealedFrames(count: number): Promise<{ privateKey: Uint8Array; frames: Uint8Array[] }> {
    const keys = await generateKeyPair();
    const chunks = Array.from({ length: count }, (_, i) => new Uint8Array(100).fill(i));
    const frames = await collect(sealChunks(chunks, { recipientPublicKey: keys.publicKey, aad }));
    return { privateKey: keys.privateKey, frames };
  }

  it('detects reordered chunks', async () => {
    const { privateKey, frames } = await sealedFrames(3);
    const reordered = [frames[0], frames[2], frames[1], frames[3]] as Uint8Array[];
    await expect(collect(openChunks(from(reordered), { privateKey, aad }))).rejects.toMatchObject({
      reason: 'authentication',
    });
  });

  it('detects a dropped middle chunk', async () => {
    const { privateKey, frames } = await sealedFrames(3);
    await expect(
      collect(openChunks(from([frames[0], frames[1], frames[3]] as Uint8Array[]), { privateKey, aad })),
    ).rejects.toBeInstanceOf(HpkeOpenError);
  });

  it('detects truncation at a chunk boundary (last chunk missing) and inside a chunk', async () => {
    const { privateKey, frames } = await sealedFrames(3);
    await expect(collect(openChunks(from(frames.slice(0, 3)), { privateKey, aad }))).rejects.toMatchObject({
      reason: 'malformed',
      message: expect.stringContaining('truncated'),
    });
    const cut = Buffer.concat(frames).subarray(0, Buffer.concat(frames).length - 5);
    await expect(collect(openChunks(from([cut]), { privateKey, aad }))).rejects.toBeInstanceOf(HpkeOpenError);
  });

  it('detects a forged last flag and data appended after the last chunk', async () => {
    const { privateKey, frames } = await sealedFrames(3);
    const forged = frames.map((frame) => frame.slice());
    (forged[2] as Uint8Array)[4] = 1; // claim the stream ends early
    await expect(collect(openChunks(from(forged.slice(0, 3)), { privateKey, aad }))).rejects.toMatchObject({
      reason: 'authentication',
    });
    await expect(
      collect(openChunks(from([...frames, frames[1] as Uint8Array]), { privateKey, aad })),
    ).rejects.toMatchObject({ reason: 'malformed' });
  });

  it('refuses another binding and the wrong key', async () => {
    const { privateKey, frames } = await sealedFrames(2);
    const otherAad = bindingAad({
      purpose: 'dealer-material',
      collaborationId: 'c',
      jobId: 'job-2',
      party: 'B',
    });
    await expect(collect(openChunks(from(frames), { privateKey, aad: otherAad }))).rejects.toBeInstanceOf(
      HpkeOpenError,
    );
    const other = await generateKeyPair();
    await expect(
      collect(openChunks(from(frames), { privateKey: other.privateKey, aad })),
    ).rejects.toBeInstanceOf(HpkeOpenError);
  });

  it('refuses a frame length beyond the bound before buffering it', async () => {
    const { privateKey, frames } = await sealedFrames(1);
    const huge = (frames[1] as Uint8Array).slice();
    new DataView(huge.buffer).setUint32(0, 0xfffffff0);
    await expect(
      collect(openChunks(from([frames[0] as Uint8Array, huge]), { privateKey, aad, maxChunkBytes: 1 << 20 })),
    ).rejects.toMatchObject({ reason: 'malformed', message: expect.stringContaining('too large') });
  });
});
