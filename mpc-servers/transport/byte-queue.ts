/**
 * A FIFO of received byte chunks from which whole frames are taken: zero-copy when a frame lies inside one
 * chunk, a single copy into a fresh buffer otherwise. Used by the chunked HPKE reader (the peer link parses
 * with `FrameDecoder` in `frames.ts`).
 *
 * API: `push(chunk)`, `length`, `peekUint32(offset?)` (big-endian, undefined if not yet buffered),
 * `take(n)` (n <= length), `skip(n)`.
 */
export class ByteQueue {
  private chunks: Uint8Array[] = [];
  private first = 0; // index of the first live chunk
  private offset = 0; // read offset inside chunks[first]
  private buffered = 0;

  get length(): number {
    return this.buffered;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
  }

  peekUint32(at = 0): number | undefined {
    if (this.buffered < at + 4) return undefined;
    let value = 0;
    for (let i = 0; i < 4; i++) value = value * 256 + this.byteAt(at + i);
    return value;
  }

  take(n: number): Uint8Array {
    if (n > this.buffered) throw new RangeError(`cannot take ${n} bytes, ${this.buffered} buffered`);
    const head = this.chunks[this.first];
    if (head !== undefined && head.length - this.offset >= n) {
      const out = head.subarray(this.offset, this.offset + n);
      this.advance(n);
      return out;
    }
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const chunk = this.chunks[this.first] as Uint8Array;
      const count = Math.min(n - filled, chunk.length - this.offset);
      out.set(chunk.subarray(this.offset, this.offset + count), filled);
      filled += count;
      this.advance(count);
    }
    return out;
  }

  skip(n: number): void {
    if (n > this.buffered) throw new RangeError(`cannot skip ${n} bytes, ${this.buffered} buffered`);
    while (n > 0) {
      const chunk = this.chunks[this.first] as Uint8Array;
      const count = Math.min(n, chunk.length - this.offset);
      this.advance(count);
      n -= count;
    }
  }

  private byteAt(position: number): number {
    let index = this.first;
    let at = position + this.offset;
    for (;;) {
      const chunk = this.chunks[index] as Uint8Array;
      if (at < chunk.length) return chunk[at] as number;
      at -= chunk.length;
      index++;
    }
  }

  /** Consumes `count` bytes that lie within the first chunk. */
  private advance(count: number): void {
    this.offset += count;
    this.buffered -= count;
    const head = this.chunks[this.first];
    if (head !== undefined && this.offset === head.length) {
      this.first++;
      this.offset = 0;
      // Drop consumed chunk references in batches so the array does not grow without bound.
      if (this.first > 1024 || this.first === this.chunks.length) {
        this.chunks = this.chunks.slice(this.first);
        this.first = 0;
      }
    }
  }
}
