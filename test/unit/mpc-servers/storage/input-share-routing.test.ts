import { describe, expect, it } from 'vitest';
import { InMemoryObjectStore } from '../../../../contract/storage/in-memory-object-store.ts';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';
import { routeInputShares } from '../../../../mpc-servers/storage/input-share-routing.ts';

describe('input shares in the server’s own bucket', () => {
  it('reads input shares from the own store and everything else from the coordinator’s', async () => {
    const jobs = new InMemoryObjectStore();
    const own = new InMemoryObjectStore();
    const share = storageLayout.inputShare('B', 'c1', 'i1');
    const job = storageLayout.jobDescription('j1');
    await own.putObject(share, new Uint8Array([1]));
    await jobs.putObject(job, new Uint8Array([2]));
    await jobs.putObject(storageLayout.inputShare('B', 'c1', 'i2'), new Uint8Array([3]));
    const store = routeInputShares(jobs, own);
    expect(await store.getObject(share)).toEqual(new Uint8Array([1]));
    expect(await store.getObject(job)).toEqual(new Uint8Array([2]));
    // A share left in the coordinator's bucket is not the server's to read.
    expect(await store.exists(storageLayout.inputShare('B', 'c1', 'i2'))).toBe(false);
    expect(await store.listKeys(storageLayout.inputSharePrefix('B', 'c1'))).toEqual([share]);
  });
});
