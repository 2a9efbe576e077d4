import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteQueue } from '../../../../mpc-servers/transport/byte-queue.ts';

describe('ByteQueue', () => {
  it('returns exactly the pushed bytes for any split of pushes and takes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 50 }), { maxLength: 20 }),
        fc.array(fc.nat({ max: 60 }), { maxLength: 40 }),
        (pushes, takes) => {
          const queue = new ByteQueue();
          const all = Buffer.concat(pushes);
          pushes.forEach((chunk) => queue.push(chunk));
          let position = 0;
          for (const want of takes) {
            const n = Math.min(want, queue.length);
            if (position + 4 <= all.length) expect(queue.peekUint32()).toBe(all.readUInt32BE(position));
            expect(Buffer.from(queue.take(n)).equals(all.subarray(position, position + n))).toBe(true);
            position += n;
            expect(queue.length).toBe(all.length - position);
          }
        },
      ),
    );
  });

  it('skips across chunks and refuses to take more than buffered', () => {
    const queue = new ByteQueue();
    queue.push(new Uint8Array([1, 2]));
    queue.push(new Uint8Array([3, 4, 5]));
    expect(queue.peekUint32(1)).toBe(0x02030405);
    expect(queue.peekUint32(2)).toBeUndefined();
    queue.skip(3);
    expect(Array.from(queue.take(2))).toEqual([4, 5]);
    expect(() => queue.take(1)).toThrow(RangeError);
  });
});
