import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryObjectStore } from '../../../../mpc-servers/storage/in-memory-object-store.ts';
import { rechunk } from '../../../../mpc-servers/storage/s3-object-store.ts';
import { describeObjectStoreContract } from './object-store-contract.ts';
import { describeSealedObjects } from './sealed-objects-contract.ts';

describeObjectStoreContract('in memory', () => new InMemoryObjectStore(4096), { largeBytes: 3 << 20 });
describeSealedObjects('in memory', () => new InMemoryObjectStore(), { materialBytes: 4 << 20 });

describe('InMemoryObjectStore', () => {
  it('stores a copy, so later changes to the caller buffer do not leak in', async () => {
    const store = new InMemoryObjectStore();
    const bytes = Uint8Array.of(1, 2);
    await store.putObject('k', bytes);
    bytes[0] = 9;
    expect([...(await store.getObject('k'))]).toEqual([1, 2]);
  });
});

describe('rechunk', () => {
  it('regroups any chunking into full parts and one short tail', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 50 }),
        async (chunks, size) => {
          const parts: Uint8Array[] = [];
          for await (const part of rechunk(chunks, size)) parts.push(part.slice());
          const all = Buffer.concat(chunks);
          expect(Buffer.concat(parts).equals(all)).toBe(true);
          parts.slice(0, -1).forEach((part) => expect(part.length).toBe(size));
          expect(parts.length).toBe(Math.ceil(all.length / size));
        },
      ),
    );
  });
});
