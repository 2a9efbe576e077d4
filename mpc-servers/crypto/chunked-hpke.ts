/**
 * Chunked HPKE for large payloads (dealer material): one HPKE context, one AEAD `seal` per chunk, so memory
 * stays bounded by the chunk size on both sides.
 *
 * API:
 * - `sealChunks(source, { recipientPublicKey, aad })`: async iterable of plaintext chunks in, async
 *   iterable of stream bytes out (a 40-byte header, then one frame per chunk).
 * - `openChunks(source, { privateKey, aad, maxChunkBytes? })`: stream bytes in (any split, e.g. an S3 body),
 *   plaintext chunks out; throws `HpkeOpenError` on tampering, reordering, truncation or trailing data.
 *
 * Stream v1: envelope header (kind 1) + `enc`, then frames `[u32 ciphertext length][u8 last][ciphertext]`.
 * Chunk i is sealed with AAD = header || aad || u64 i || u8 last. The index and HPKE's own sequence
 * number make a reordered or dropped chunk fail; the authenticated last flag makes a cut-off stream fail.
 */
import {
  AEAD_TAG_LENGTH,
  ENC_LENGTH,
  ENVELOPE_KIND,
  HEADER_LENGTH,
  HPKE_INFO,
  HpkeOpenError,
  asOpenError,
  envelopeHeader,
  importPrivateKey,
  importPublicKey,
  parseEnvelopeHeader,
  suite,
} from './hpke.ts';
import { ByteQueue } from '../transport/byte-queue.ts';
import { concatBytes } from './concat-bytes.ts';

const FRAME_HEADER_LENGTH = 5;
const DEFAULT_MAX_CHUNK_BYTES = 64 << 20;

function chunkAad(header: Uint8Array, aad: Uint8Array, index: number, last: boolean): Uint8Array {
  const suffix = new Uint8Array(9);
  new DataView(suffix.buffer).setBigUint64(0, BigInt(index));
  suffix[8] = last ? 1 : 0;
  return concatBytes(header, aad, suffix);
}

export async function* sealChunks(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: { recipientPublicKey: string; aad: Uint8Array },
): AsyncGenerator<Uint8Array> {
  const header = envelopeHeader(ENVELOPE_KIND.chunkedStream);
  const sender = await suite.createSenderContext({
    recipientPublicKey: await importPublicKey(options.recipientPublicKey),
    info: HPKE_INFO,
  });
  yield concatBytes(header, new Uint8Array(sender.enc));
  let index = 0;
  const sealFrame = async (plaintext: Uint8Array, last: boolean): Promise<Uint8Array> => {
    const ciphertext = new Uint8Array(
      await sender.seal(plaintext, chunkAad(header, options.aad, index++, last)),
    );
    const frame = new Uint8Array(FRAME_HEADER_LENGTH + ciphertext.length);
    new DataView(frame.buffer).setUint32(0, ciphertext.length);
    frame[4] = last ? 1 : 0;
    frame.set(ciphertext, FRAME_HEADER_LENGTH);
    return frame;
  };
  // Look one chunk ahead so the final chunk carries the last flag.
  let pending: Uint8Array | undefined;
  for await (const chunk of source) {
    if (pending !== undefined) yield await sealFrame(pending, false);
    pending = chunk;
  }
  yield await sealFrame(pending ?? new Uint8Array(0), true);
}

export async function* openChunks(
  source: AsyncIterable<Uint8Array>,
  options: { privateKey: Uint8Array; aad: Uint8Array; maxChunkBytes?: number },
): AsyncGenerator<Uint8Array> {
  const maxFrame = (options.maxChunkBytes ?? DEFAULT_MAX_CHUNK_BYTES) + AEAD_TAG_LENGTH;
  const queue = new ByteQueue();
  let header: Uint8Array | undefined;
  let recipient: Awaited<ReturnType<typeof suite.createRecipientContext>> | undefined;
  let index = 0;
  let finished = false;
  for await (const piece of source) {
    if (finished) {
      if (piece.length > 0) throw new HpkeOpenError('malformed', 'data after the last sealed chunk');
      continue;
    }
    queue.push(piece);
    if (recipient === undefined) {
      if (queue.length < HEADER_LENGTH + ENC_LENGTH) continue;
      const start = queue.take(HEADER_LENGTH + ENC_LENGTH).slice();
      const enc = parseEnvelopeHeader(start, ENVELOPE_KIND.chunkedStream);
      header = start.subarray(0, HEADER_LENGTH);
      try {
        recipient = await suite.createRecipientContext({
          recipientKey: await importPrivateKey(options.privateKey),
          enc,
          info: HPKE_INFO,
        });
      } catch (error) {
        throw asOpenError(error);
      }
    }
    for (;;) {
      const length = queue.peekUint32();
      if (length === undefined) break;
      if (length > maxFrame)
        throw new HpkeOpenError('malformed', `sealed chunk of ${length} bytes is too large`);
      if (queue.length < FRAME_HEADER_LENGTH + length) break;
      queue.skip(4);
      const lastByte = queue.take(1)[0];
      if (lastByte !== 0 && lastByte !== 1) throw new HpkeOpenError('malformed', 'bad chunk flag');
      const last = lastByte === 1;
      const ciphertext = queue.take(length);
      let plaintext: ArrayBuffer;
      try {
        plaintext = await recipient.open(
          ciphertext,
          chunkAad(header as Uint8Array, options.aad, index++, last),
        );
      } catch (error) {
        throw asOpenError(error);
      }
      yield new Uint8Array(plaintext);
      if (last) {
        finished = true;
        if (queue.length > 0) throw new HpkeOpenError('malformed', 'data after the last sealed chunk');
        break;
      }
    }
  }
  if (!finished) throw new HpkeOpenError('malformed', 'sealed stream is truncated (no last chunk)');
}
