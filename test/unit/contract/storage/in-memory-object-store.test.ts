import { describe, expect, it } from 'vitest';
import { InMemoryObjectStore } from '../../../../contract/storage/in-memory-object-store.ts';
import { describeObjectStoreContract } from './object-store-contract.ts';
import { describeSealedObjects } from '../../mpc-servers/storage/sealed-objects-contract.ts';

describeObjectStoreContract('in memory', () => new InMemoryObjectStore(), { largeBytes: 3 << 20 });
describeSealedObjects('in memory', () => new InMemoryObjectStore());

describe('InMemoryObjectStore', () => {
  it('stores a copy, so later changes to the caller buffer do not leak in', async () => {
    const store = new InMemoryObjectStore();
    const bytes = Uint8Array.of(1, 2);
    await store.putObject('k', bytes);
    bytes[0] = 9;
    expect([...(await store.getObject('k'))]).toEqual([1, 2]);
  });
});
